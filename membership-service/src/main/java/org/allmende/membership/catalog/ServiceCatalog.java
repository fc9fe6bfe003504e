package org.allmende.membership.catalog;

import java.time.LocalDate;

/**
 * What the catalog offers, as the rules of other aggregates need it. A port, injected into command handlers as a
 * parameter, so that aggregate tests can hand in a fake.
 */
public interface ServiceCatalog {

    /** Whether the service with this code exists in the catalog on that day (its first version took effect). */
    boolean offers(String code, LocalDate day);
}
