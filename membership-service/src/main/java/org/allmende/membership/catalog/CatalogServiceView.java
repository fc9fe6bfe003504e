package org.allmende.membership.catalog;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A catalog service with all its versions; {@code current} is the version in effect on the day asked for, null
 * while the service is not offered yet.
 */
public record CatalogServiceView(
        String code,
        UUID serviceId,
        LocalDate offeredFrom,
        CatalogVersionView current,
        List<CatalogVersionView> versions) {}
