package org.allmende.membership.catalog;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.allmende.events.membership.ServiceKind;
import org.allmende.events.membership.ServiceUnit;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Queries on the catalog and the members' subscriptions. */
@Component
public class Catalog {

    private final JdbcTemplate jdbc;

    public Catalog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private static final String VERSIONS =
            """
            select s.code, s.service_id, s.offered_from, v.version, v.name, v.unit, v.kind, v.effective_from
            from catalog_service s join catalog_service_version v on v.code = s.code
            """;

    /** Every service, with the version in effect on {@code day}. */
    public List<CatalogServiceView> services(LocalDate day) {
        return views(jdbc.query(VERSIONS + " order by s.code, v.version", Catalog::versionRow), day);
    }

    public Optional<CatalogServiceView> service(String code, LocalDate day) {
        return views(jdbc.query(VERSIONS + " where s.code = ? order by v.version", Catalog::versionRow, code), day)
                .stream()
                .findFirst();
    }

    /** All subscription periods of a member; with a day, only those in effect on that day. */
    public MemberSubscriptionsView subscriptions(UUID memberId, long memberNumber, Optional<LocalDate> day) {
        var versions =
                jdbc.queryForList("select version from member_version where member_id = ?", Long.class, memberId);
        var sql =
                """
                select s.service_code, v.name, v.unit, s.quantity, s.effective_from, s.effective_to
                from member_subscription s
                left join lateral (
                    select name, unit from catalog_service_version c
                    where c.code = s.service_code and c.effective_from <= s.effective_from
                    order by c.effective_from desc limit 1) v on true
                where s.member_id = ?
                """;
        var order = " order by s.service_code, s.effective_from";
        List<SubscriptionView> periods = day.isPresent()
                ? jdbc.query(
                        sql + " and s.effective_from <= ? and (s.effective_to is null or s.effective_to >= ?)" + order,
                        Catalog::subscription,
                        memberId,
                        Date.valueOf(day.get()),
                        Date.valueOf(day.get()))
                : jdbc.query(sql + order, Catalog::subscription, memberId);
        return new MemberSubscriptionsView(memberNumber, versions.isEmpty() ? null : versions.get(0), periods);
    }

    private record VersionRow(String code, UUID serviceId, LocalDate offeredFrom, CatalogVersionView version) {}

    private static VersionRow versionRow(ResultSet row, int index) throws SQLException {
        return new VersionRow(
                row.getString("code"),
                row.getObject("service_id", UUID.class),
                row.getDate("offered_from").toLocalDate(),
                new CatalogVersionView(
                        row.getInt("version"),
                        row.getString("name"),
                        ServiceUnit.valueOf(row.getString("unit")),
                        ServiceKind.valueOf(row.getString("kind")),
                        row.getDate("effective_from").toLocalDate()));
    }

    private static List<CatalogServiceView> views(List<VersionRow> rows, LocalDate day) {
        var byCode = new LinkedHashMap<String, List<VersionRow>>();
        rows.forEach(row ->
                byCode.computeIfAbsent(row.code(), c -> new ArrayList<>()).add(row));
        return byCode.values().stream()
                .map(versions -> {
                    var first = versions.get(0);
                    var all = versions.stream().map(VersionRow::version).toList();
                    var current = all.stream()
                            .filter(v -> !v.effectiveFrom().isAfter(day))
                            .max(Comparator.comparing(CatalogVersionView::effectiveFrom))
                            .orElse(null);
                    return new CatalogServiceView(first.code(), first.serviceId(), first.offeredFrom(), current, all);
                })
                .toList();
    }

    private static SubscriptionView subscription(ResultSet row, int index) throws SQLException {
        var unit = row.getString("unit");
        var to = row.getDate("effective_to");
        return new SubscriptionView(
                row.getString("service_code"),
                row.getString("name"),
                unit == null ? null : ServiceUnit.valueOf(unit),
                row.getInt("quantity"),
                row.getDate("effective_from").toLocalDate(),
                to == null ? null : to.toLocalDate());
    }
}
