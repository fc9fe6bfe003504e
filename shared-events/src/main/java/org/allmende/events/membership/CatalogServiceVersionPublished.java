package org.allmende.events.membership;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A new version of a catalog service applies from {@code effectiveFrom} (always after the previous version's
 * date) until the next one. {@code version} counts from 1, the version of {@link CatalogServiceDefined}.
 */
public record CatalogServiceVersionPublished(
        UUID serviceId,
        String code,
        int version,
        String name,
        ServiceUnit unit,
        ServiceKind kind,
        LocalDate effectiveFrom)
        implements MembershipEvent {

    @Override
    public UUID subject() {
        return serviceId;
    }
}
