package org.allmende.membership.catalog;

import java.time.LocalDate;
import org.allmende.events.membership.ServiceKind;
import org.allmende.events.membership.ServiceUnit;

public record CatalogVersionView(
        int version, String name, ServiceUnit unit, ServiceKind kind, LocalDate effectiveFrom) {}
