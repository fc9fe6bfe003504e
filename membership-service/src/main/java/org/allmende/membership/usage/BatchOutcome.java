package org.allmende.membership.usage;

import java.util.List;
import org.allmende.membership.usage.RecordOutcome.Status;

/** What became of every record of a batch, in the order they were sent. */
public record BatchOutcome(List<RecordOutcome> records) {

    public int count(Status status) {
        return (int) records.stream().filter(r -> r.status() == status).count();
    }

    /** True when nothing needs sending again: no record waits for Kafka. */
    public boolean stored() {
        return count(Status.NOT_STORED) == 0;
    }
}
