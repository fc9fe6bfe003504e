package org.allmende.billing.ledger;

import java.time.LocalDate;

/**
 * One version of a catalog service with the days it applies: from its own date to the day before the next
 * version's ({@code effectiveTo} null while no later version exists).
 */
public record CatalogVersionView(
        String code,
        int version,
        String name,
        String unit,
        String kind,
        LocalDate offeredFrom,
        LocalDate effectiveFrom,
        LocalDate effectiveTo) {}
