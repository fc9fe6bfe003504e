package org.allmende.membership.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/** Everything that happened to a member, with who did it, in which role and in which request: the event stream. */
@Component
class MemberHistory {

    /** One fact of a member's stream and who caused it. */
    record Entry(
            long sequence,
            String type,
            Instant recordedAt,
            String by,
            String role,
            String correlationId,
            Object fact) {}

    private final EventStore events;

    MemberHistory(EventStore events) {
        this.events = events;
    }

    List<Entry> of(UUID memberId) {
        return events.readEvents(memberId.toString())
                .asStream()
                .map(event -> new Entry(
                        event.getSequenceNumber(),
                        event.getPayloadType().getSimpleName(),
                        event.getTimestamp(),
                        String.valueOf(event.getMetaData().getOrDefault("user", "")),
                        String.valueOf(event.getMetaData().getOrDefault("role", "")),
                        String.valueOf(event.getMetaData().getOrDefault("correlationId", "")),
                        event.getPayload()))
                .toList();
    }
}
