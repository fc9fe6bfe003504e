package org.allmende.benchmarks;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;

/**
 * The set-based baseline of an invoice run: every member's net total of a month in one SQL statement over billing's
 * own tables (members, subscriptions, daily usage, the published price plans), without the service. It prices what
 * the statement can express, each line rounded once to the cent (half up) as the calculation does (ADR 0017): flat
 * fees and seats per month and membership fees per year, both prorated by the days of the month covered; per unit,
 * graduated tiers (a line per tier touched), volume tiers and packages over the month's total. Not expressed (the
 * benchmark uses none of them): minimum charges, other cadences of time-based prices, a price or subscription that
 * changes within the month (segments), usage corrections and credits, periods longer than a month.
 */
final class InvoiceTotalsBaseline {

    static final String MODELS = "flat fee, per seat (monthly, prorated), per unit, graduated tiers, volume tiers,"
            + " package, membership fee by inhabitants or staff (yearly, prorated)";

    private static final String SQL =
            """
            with period as (select ?::date as p1, ?::date as p2),
            plan as (
                select distinct on (pp.service_code) pp.service_code, pp.model
                from price_plan pp, period where pp.effective_from <= period.p1
                order by pp.service_code, pp.effective_from desc),
            mem as (
                select m.member_number, m.inhabitants, m.staff_count,
                    greatest(m.admitted_on, p1) as f, least(coalesce(m.ended_on, m.leaving_on, p2), p2) as t
                from member m, period
                where m.admitted_on <= p2 and coalesce(m.ended_on, m.leaving_on, p2) >= p1),
            sub as (
                select s.member_number, s.service_code, s.quantity,
                    (least(coalesce(s.effective_to, p2), p2) - greatest(s.effective_from, p1) + 1)::numeric
                        / (p2 - p1 + 1) as share
                from subscription s, period
                where s.effective_from <= p2 and coalesce(s.effective_to, p2) >= p1
                    and s.member_number in (select member_number from mem)),
            used as (
                select u.member_number, u.service_code, sum(u.quantity) as q
                from usage_daily u, period
                where u.day between p1 and p2 and u.quantity > 0
                    and u.member_number in (select member_number from mem)
                group by u.member_number, u.service_code),
            line as (
                select s.member_number, round((p.model ->> 'amount')::numeric * s.share, 2) as net
                from sub s join plan p using (service_code)
                where p.model ->> 'type' = 'FLAT_FEE' and p.model ->> 'per' = 'MONTH'
                union all
                select s.member_number, round((p.model ->> 'pricePerSeat')::numeric * s.quantity * s.share, 2)
                from sub s join plan p using (service_code)
                where p.model ->> 'type' = 'PER_SEAT' and p.model ->> 'per' = 'MONTH'
                union all
                select u.member_number, round(u.q * (p.model ->> 'unitPrice')::numeric, 2)
                from used u join plan p using (service_code)
                where p.model ->> 'type' = 'PER_UNIT'
                union all
                select u.member_number, round((least(u.q, coalesce(tier.up_to, u.q)) - tier.below) * tier.price, 2)
                from used u join plan p using (service_code)
                cross join lateral (
                    select (x ->> 'upTo')::numeric as up_to, (x ->> 'unitPrice')::numeric as price,
                        coalesce(lag((x ->> 'upTo')::numeric) over (order by n), 0) as below
                    from jsonb_array_elements(p.model -> 'tiers') with ordinality as t (x, n)) as tier
                where p.model ->> 'type' = 'GRADUATED_TIERS' and u.q > tier.below
                union all
                select u.member_number, round(u.q * (
                    select (x ->> 'unitPrice')::numeric
                    from jsonb_array_elements(p.model -> 'tiers') with ordinality as t (x, n)
                    where x ->> 'upTo' is null or u.q <= (x ->> 'upTo')::numeric
                    order by n limit 1), 2)
                from used u join plan p using (service_code)
                where p.model ->> 'type' = 'VOLUME_TIERS'
                union all
                select u.member_number,
                    ceil(u.q / (p.model ->> 'blockSize')::numeric) * (p.model ->> 'blockPrice')::numeric
                from used u join plan p using (service_code)
                where p.model ->> 'type' = 'PACKAGE'
                union all
                select m.member_number, round(fee.amount * (m.t - m.f + 1) / (12 * (p2 - p1 + 1)), 2)
                from mem m cross join period join plan p on p.service_code = 'MEMBERSHIP-FEE'
                cross join lateral (
                    select (x ->> 'fee')::numeric as amount
                    from jsonb_array_elements(case when m.inhabitants is not null then p.model -> 'byInhabitants'
                        else p.model -> 'byStaff' end) as b (x)
                    where (x ->> 'from')::bigint <= coalesce(m.inhabitants, m.staff_count)
                    order by (x ->> 'from')::bigint desc limit 1) as fee
                where p.model ->> 'per' = 'YEAR')
            select member_number, sum(net) as net from line group by member_number
            """;

    private InvoiceTotalsBaseline() {}

    /** Each member's net total of the month, by member number. */
    static Map<Long, BigDecimal> netTotals(Connection connection, YearMonth month) throws SQLException {
        var totals = new HashMap<Long, BigDecimal>();
        try (var statement = connection.prepareStatement(SQL)) {
            statement.setDate(1, Date.valueOf(month.atDay(1)));
            statement.setDate(2, Date.valueOf(month.atEndOfMonth()));
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    totals.put(rows.getLong("member_number"), rows.getBigDecimal("net"));
                }
            }
        }
        return totals;
    }
}
