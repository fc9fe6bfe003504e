package org.allmende.billing.ledger;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A member's usage history, read from the daily totals (reversals are already taken off there): per service, one
 * quantity for every month or day of the range — 0 where nothing was used, so a chart has every period — and the
 * total over the range. Monthly figures are summed from the days at read time: at most 31 rows per service and month.
 */
@Component
public class UsageHistory {

    /** The length of one period of the history. */
    public enum Granularity {
        MONTH,
        DAY;

        private LocalDate next(LocalDate start) {
            return this == MONTH ? start.plusMonths(1) : start.plusDays(1);
        }
    }

    /** One service in one unit: a quantity per period of the range, in order, and their total. */
    public record ServiceSeries(
            String serviceCode, String serviceName, String unit, List<PeriodQuantity> periods, BigDecimal total) {}

    /** The quantity of one period, which starts on {@code start} (the 1st for a month). */
    public record PeriodQuantity(LocalDate start, BigDecimal quantity) {}

    /** One row of the daily totals. */
    public record DailyUsage(String serviceCode, LocalDate day, BigDecimal quantity, String unit) {}

    private record CatalogEntry(String name, String unit) {}

    private record Key(String serviceCode, String unit) {}

    private final JdbcTemplate jdbc;

    UsageHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The member's usage from the first day of {@code from} to the last day of {@code to}, per service (only the
     * services used in the range; with {@code service}, that one, also when it was not used), per month or day.
     */
    public List<ServiceSeries> series(
            long memberNumber, YearMonth from, YearMonth to, Granularity granularity, Optional<String> service) {
        var first = from.atDay(1);
        var last = to.atEndOfMonth();
        // trim_scale: 200.0000 comes back as 200 and 12.5000 as 12.5, never as 2E+2
        var sql = new StringBuilder(
                """
                select service_code, unit, period, trim_scale(quantity) as quantity,
                    trim_scale(sum(quantity) over (partition by service_code, unit)) as total
                from (select service_code, unit, date_trunc(?, day::timestamp)::date as period, sum(quantity) as quantity
                    from usage_daily where member_number = ? and day between ? and ?
                """);
        var parameters = new ArrayList<Object>(
                List.of(granularity.name().toLowerCase(), memberNumber, Date.valueOf(first), Date.valueOf(last)));
        service.ifPresent(code -> {
            sql.append(" and service_code = ?");
            parameters.add(code);
        });
        sql.append(" group by 1, 2, 3) periods order by service_code, unit, period");

        var quantities = new LinkedHashMap<Key, Map<LocalDate, BigDecimal>>();
        var totals = new HashMap<Key, BigDecimal>();
        jdbc.query(
                sql.toString(),
                row -> {
                    var key = new Key(row.getString("service_code"), row.getString("unit"));
                    quantities
                            .computeIfAbsent(key, k -> new HashMap<>())
                            .put(row.getDate("period").toLocalDate(), row.getBigDecimal("quantity"));
                    totals.put(key, row.getBigDecimal("total"));
                },
                parameters.toArray());

        var catalog = catalog(last);
        if (service.isPresent() && quantities.isEmpty() && catalog.containsKey(service.get())) {
            var key = new Key(service.get(), catalog.get(service.get()).unit());
            quantities.put(key, Map.of());
            totals.put(key, BigDecimal.ZERO);
        }
        var series = new ArrayList<ServiceSeries>();
        quantities.forEach((key, used) -> {
            var periods = new ArrayList<PeriodQuantity>();
            for (var start = first; !start.isAfter(last); start = granularity.next(start)) {
                periods.add(new PeriodQuantity(start, used.getOrDefault(start, BigDecimal.ZERO)));
            }
            var entry = catalog.get(key.serviceCode());
            series.add(new ServiceSeries(
                    key.serviceCode(),
                    entry == null ? null : entry.name(),
                    key.unit(),
                    List.copyOf(periods),
                    totals.get(key)));
        });
        return List.copyOf(series);
    }

    /** The daily totals as stored, per service and day, between two days (both inclusive). */
    public List<DailyUsage> daily(long memberNumber, LocalDate from, LocalDate to) {
        return jdbc.query(
                """
                select service_code, day, trim_scale(quantity) as quantity, unit from usage_daily
                where member_number = ? and day between ? and ? order by service_code, day
                """,
                (row, i) -> new DailyUsage(
                        row.getString("service_code"),
                        row.getDate("day").toLocalDate(),
                        row.getBigDecimal("quantity"),
                        row.getString("unit")),
                memberNumber,
                Date.valueOf(from),
                Date.valueOf(to));
    }

    /** Whether billing's catalog has a service with this code (usage is only counted for those). */
    public boolean knowsService(String code) {
        return jdbc.queryForObject(
                "select exists (select 1 from catalog_service_version where code = ?)", Boolean.class, code);
    }

    /**
     * Name and unit of every service as of {@code day}: the version in effect then, or, for a service offered only
     * later, its first version.
     */
    private Map<String, CatalogEntry> catalog(LocalDate day) {
        var entries = new HashMap<String, CatalogEntry>();
        jdbc.query(
                """
                select distinct on (code) code, name, unit from catalog_service_version
                order by code, effective_from > ?, abs(effective_from - ?)
                """,
                row -> {
                    entries.put(row.getString("code"), new CatalogEntry(row.getString("name"), row.getString("unit")));
                },
                Date.valueOf(day),
                Date.valueOf(day));
        return entries;
    }
}
