package org.allmende.membership.catalog;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import org.allmende.events.membership.CatalogServiceDefined;
import org.allmende.events.membership.CatalogServiceVersionPublished;
import org.allmende.events.membership.ServiceKind;
import org.allmende.events.membership.ServiceSubscribed;
import org.allmende.events.membership.ServiceUnit;
import org.allmende.events.membership.SubscriptionCancelled;
import org.allmende.events.membership.SubscriptionQuantityChanged;
import org.allmende.membership.config.AxonConfig;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The catalog with its versions and the members' subscription periods. Written in the tracking processor's
 * transaction with its token; every statement is an upsert or a guarded update, so a replay changes nothing.
 */
@Component
@ProcessingGroup(AxonConfig.CATALOG)
class CatalogProjection {

    private final JdbcTemplate jdbc;

    CatalogProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(CatalogServiceDefined event, @org.axonframework.eventhandling.Timestamp Instant recordedAt) {
        jdbc.update(
                "insert into catalog_service (code, service_id, offered_from) values (?, ?, ?)"
                        + " on conflict (code) do nothing",
                event.code(),
                event.serviceId(),
                Date.valueOf(event.effectiveFrom()));
        version(event.code(), 1, event.name(), event.unit(), event.kind(), event.effectiveFrom(), recordedAt);
    }

    @EventHandler
    void on(CatalogServiceVersionPublished event, @org.axonframework.eventhandling.Timestamp Instant recordedAt) {
        version(
                event.code(),
                event.version(),
                event.name(),
                event.unit(),
                event.kind(),
                event.effectiveFrom(),
                recordedAt);
    }

    private void version(
            String code,
            int version,
            String name,
            ServiceUnit unit,
            ServiceKind kind,
            LocalDate effectiveFrom,
            Instant recordedAt) {
        jdbc.update(
                """
                insert into catalog_service_version (code, version, name, unit, kind, effective_from, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?) on conflict (code, version) do nothing
                """,
                code,
                version,
                name,
                unit.name(),
                kind.name(),
                Date.valueOf(effectiveFrom),
                Timestamp.from(recordedAt));
    }

    @EventHandler
    void on(ServiceSubscribed event) {
        jdbc.update(
                """
                insert into member_subscription (member_id, member_number, service_code, effective_from, quantity)
                values (?, ?, ?, ?, ?) on conflict (member_id, service_code, effective_from) do nothing
                """,
                event.memberId(),
                event.memberNumber(),
                event.serviceCode(),
                Date.valueOf(event.effectiveFrom()),
                event.quantity());
    }

    /**
     * A new period from the change on, ending where the period it splits ended (a cancellation may already have
     * set that end); the split period then ends the day before. A change on a period's first day only replaces
     * its quantity.
     */
    @EventHandler
    void on(SubscriptionQuantityChanged event) {
        var from = Date.valueOf(event.effectiveFrom());
        jdbc.update(
                """
                insert into member_subscription (member_id, member_number, service_code, effective_from,
                    effective_to, quantity)
                select member_id, member_number, service_code, ?, effective_to, ? from member_subscription
                where member_id = ? and service_code = ? and effective_from <= ?
                    and (effective_to is null or effective_to >= ?)
                on conflict (member_id, service_code, effective_from) do update set quantity = excluded.quantity
                """,
                from,
                event.quantity(),
                event.memberId(),
                event.serviceCode(),
                from,
                from);
        jdbc.update(
                """
                update member_subscription set effective_to = ?
                where member_id = ? and service_code = ? and effective_from < ?
                    and (effective_to is null or effective_to >= ?)
                """,
                Date.valueOf(event.effectiveFrom().minusDays(1)),
                event.memberId(),
                event.serviceCode(),
                from,
                from);
    }

    @EventHandler
    void on(SubscriptionCancelled event) {
        jdbc.update(
                """
                update member_subscription set effective_to = ?
                where member_id = ? and service_code = ? and effective_to is null and effective_from <= ?
                """,
                Date.valueOf(event.effectiveTo()),
                event.memberId(),
                event.serviceCode(),
                Date.valueOf(event.effectiveTo()));
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from member_subscription");
        jdbc.update("delete from catalog_service_version");
        jdbc.update("delete from catalog_service");
    }
}
