package org.allmende.membership.web;

import java.util.List;
import org.allmende.membership.usage.BatchOutcome;
import org.allmende.membership.usage.RecordOutcome;
import org.allmende.membership.usage.RecordOutcome.Status;

/** The answer to a batch of usage records: how many of each outcome, and every record's outcome in order. */
public record UsageBatchAnswer(int accepted, int duplicates, int rejected, List<RecordOutcome> records) {

    static UsageBatchAnswer of(BatchOutcome outcome) {
        return new UsageBatchAnswer(
                outcome.count(Status.ACCEPTED),
                outcome.count(Status.DUPLICATE),
                outcome.count(Status.REJECTED),
                outcome.records());
    }
}
