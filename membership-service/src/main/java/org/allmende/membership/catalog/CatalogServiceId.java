package org.allmende.membership.catalog;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The id of a catalog service, derived from its code: one code, one aggregate, so a second definition of a code
 * meets the first one instead of creating a twin, and nobody needs randomness to name a service.
 */
public final class CatalogServiceId {

    private CatalogServiceId() {}

    public static UUID of(String code) {
        return UUID.nameUUIDFromBytes(("service:" + code).getBytes(StandardCharsets.UTF_8));
    }
}
