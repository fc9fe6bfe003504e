package org.allmende.events.membership;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A service entered the cooperative's catalog with its first version, offered from {@code effectiveFrom}. The
 * service id is derived from the code, so the code stays unique. Kafka key: the service id.
 */
public record CatalogServiceDefined(
        UUID serviceId, String code, String name, ServiceUnit unit, ServiceKind kind, LocalDate effectiveFrom)
        implements MembershipEvent {

    @Override
    public UUID subject() {
        return serviceId;
    }
}
