package org.allmende.billing.ledger;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.allmende.events.membership.CatalogServiceDefined;
import org.allmende.events.membership.CatalogServiceVersionPublished;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Billing's catalog: what each service is called, counted in and taxed as, version by version. */
@Component
public class CatalogLedger {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    CatalogLedger(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void define(CatalogServiceDefined event) {
        jdbc.update(
                """
                insert into catalog_service (code, service_id, offered_from, updated_at) values (?, ?, ?, ?)
                on conflict (code) do nothing
                """,
                event.code(),
                event.serviceId(),
                Date.valueOf(event.effectiveFrom()),
                now());
        version(event.code(), 1, event.name(), event.unit().name(), event.kind().name(), event.effectiveFrom());
    }

    public void publish(CatalogServiceVersionPublished event) {
        version(
                event.code(),
                event.version(),
                event.name(),
                event.unit().name(),
                event.kind().name(),
                event.effectiveFrom());
    }

    private void version(String code, int version, String name, String unit, String kind, LocalDate from) {
        jdbc.update(
                """
                insert into catalog_service_version (code, version, name, unit, kind, effective_from, updated_at)
                values (?, ?, ?, ?, ?, ?, ?) on conflict (code, version) do nothing
                """,
                code,
                version,
                name,
                unit,
                kind,
                Date.valueOf(from),
                now());
    }

    /** Every version of every service, with the days it applies; with a day, only the versions in effect then. */
    public List<CatalogVersionView> versions(Optional<LocalDate> day) {
        var sql =
                """
                select * from (
                    select v.code, v.version, v.name, v.unit, v.kind, s.offered_from, v.effective_from,
                        lead(v.effective_from) over (partition by v.code order by v.effective_from) - 1 as effective_to
                    from catalog_service_version v left join catalog_service s on s.code = v.code) versions
                """;
        var order = " order by code, version";
        return day.isPresent()
                ? jdbc.query(
                        sql + " where effective_from <= ? and (effective_to is null or effective_to >= ?)" + order,
                        CatalogLedger::view,
                        Date.valueOf(day.get()),
                        Date.valueOf(day.get()))
                : jdbc.query(sql + order, CatalogLedger::view);
    }

    private static CatalogVersionView view(ResultSet row, int index) throws SQLException {
        var offeredFrom = row.getDate("offered_from");
        var to = row.getDate("effective_to");
        return new CatalogVersionView(
                row.getString("code"),
                row.getInt("version"),
                row.getString("name"),
                row.getString("unit"),
                row.getString("kind"),
                offeredFrom == null ? null : offeredFrom.toLocalDate(),
                row.getDate("effective_from").toLocalDate(),
                to == null ? null : to.toLocalDate());
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}
