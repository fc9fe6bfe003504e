package org.allmende.membership.usage;

import java.time.Instant;
import java.util.List;
import org.allmende.events.usage.UsageRecorded;

/** Where taken usage goes: the usage topic of the contract (implemented in {@code publishing}). */
public interface UsagePublisher {

    /**
     * Sends every record and waits, bounded, until the broker acknowledged each one or gave up on it. Never
     * throws: returns for each record, in order, whether it is durably on the topic.
     */
    List<Boolean> publish(List<UsageRecorded> records, String correlationId, Instant recordedAt);
}
