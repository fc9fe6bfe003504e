package org.allmende.membership.catalog;

import java.time.LocalDate;
import org.allmende.events.membership.CatalogServiceDefined;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Answers from the catalog service's own event stream, not from a projection: a service the board defined a
 * moment ago can be subscribed at once, and the answer is read in the command's transaction. A stream is a
 * handful of events (one per version), of which only the first, the definition, is read.
 */
@Component
class EventStoreServiceCatalog implements ServiceCatalog {

    private final EventStore eventStore;

    EventStoreServiceCatalog(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public boolean offers(String code, LocalDate day) {
        var events = eventStore.readEvents(CatalogServiceId.of(code).toString());
        return events.hasNext()
                && events.next().getPayload() instanceof CatalogServiceDefined defined
                && !defined.effectiveFrom().isAfter(day);
    }
}
