package org.allmende.membership.catalog;

import java.time.LocalDate;
import java.util.UUID;
import org.allmende.events.membership.ServiceKind;
import org.allmende.events.membership.ServiceUnit;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The board adds a service to the catalog, offered from {@code effectiveFrom}. */
public record DefineCatalogService(
        String code, String name, ServiceUnit unit, ServiceKind kind, LocalDate effectiveFrom) {

    @TargetAggregateIdentifier
    public UUID serviceId() {
        return CatalogServiceId.of(code);
    }
}
