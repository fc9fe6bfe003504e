package org.allmende.membership.catalog;

import java.time.LocalDate;
import java.util.UUID;
import org.allmende.events.membership.ServiceKind;
import org.allmende.events.membership.ServiceUnit;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The board publishes a new version of a service (name, unit or kind change) that applies from a date on. */
public record PublishCatalogServiceVersion(
        String code, String name, ServiceUnit unit, ServiceKind kind, LocalDate effectiveFrom) {

    @TargetAggregateIdentifier
    public UUID serviceId() {
        return CatalogServiceId.of(code);
    }
}
