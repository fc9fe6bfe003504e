package org.allmende.billing.run;

import java.sql.Date;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.allmende.billing.contribution.BillingFacts;
import org.allmende.billing.contribution.BillingPeriod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads what the contributions of a period depend on from billing's projections, for every member of the period at
 * once: one statement for the members, one for their subscriptions, one for their daily usage — never a statement
 * per member. The calculation itself stays pure ({@code Contributions.calculate}).
 */
@Component
public class FactsLoader {

    private final JdbcTemplate jdbc;
    private final InvoicingProperties properties;
    private final CorrectionsLoader corrections;

    FactsLoader(JdbcTemplate jdbc, InvoicingProperties properties, CorrectionsLoader corrections) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.corrections = corrections;
    }

    /**
     * The facts of every member who was a member on at least one day of the period, by member number, with the
     * corrections of late usage no invoice settled yet.
     */
    public Map<Long, BillingFacts> load(BillingPeriod period) {
        return load(period, null);
    }

    /** One member's facts, as {@link #load(BillingPeriod)} has them; empty if it was no member in the period. */
    public Optional<BillingFacts> load(BillingPeriod period, long memberNumber) {
        return Optional.ofNullable(load(period, (Long) memberNumber).get(memberNumber));
    }

    private Map<Long, BillingFacts> load(BillingPeriod period, Long only) {
        var first = Date.valueOf(period.first());
        var last = Date.valueOf(period.last());
        var members = new TreeMap<Long, BillingFacts.Member>();
        var exemptKinds = Set.copyOf(properties.costSharingExemptBodyKinds());
        jdbc.query(
                """
                select member_number, body_kind, admitted_on, coalesce(ended_on, leaving_on) as member_until,
                    inhabitants, inhabitants_reference_date, staff_count
                from member
                where admitted_on <= ? and (coalesce(ended_on, leaving_on) is null or coalesce(ended_on, leaving_on) >= ?)
                    and (cast(? as bigint) is null or member_number = ?)
                """,
                row -> {
                    var admittedOn = row.getDate("admitted_on").toLocalDate();
                    var asOf = row.getDate("inhabitants_reference_date") == null
                            ? admittedOn
                            : row.getDate("inhabitants_reference_date").toLocalDate();
                    var inhabitants = row.getObject("inhabitants", Long.class);
                    var staff = row.getObject("staff_count", Integer.class);
                    var until = row.getDate("member_until");
                    members.put(
                            row.getLong("member_number"),
                            new BillingFacts.Member(
                                    row.getLong("member_number"),
                                    admittedOn,
                                    until == null ? null : until.toLocalDate(),
                                    exemptKinds.contains(row.getString("body_kind")),
                                    inhabitants == null
                                            ? List.of()
                                            : List.of(new BillingFacts.Headcount(inhabitants, asOf)),
                                    staff == null ? List.of() : List.of(new BillingFacts.Headcount(staff, asOf))));
                },
                last,
                first,
                only,
                only);
        var late = corrections.load(period, members.keySet());
        // a correction prices its own, earlier period: the subscriptions of then count too (a minimum charge's floor)
        var subscribedFrom = late.values().stream()
                .flatMap(List::stream)
                .map(correction -> Date.valueOf(correction.period().first()))
                .reduce(first, (a, b) -> a.before(b) ? a : b);
        var subscriptions = new HashMap<Long, List<BillingFacts.Subscription>>();
        jdbc.query(
                """
                select member_number, service_code, quantity, effective_from, effective_to from subscription
                where effective_from <= ? and (effective_to is null or effective_to >= ?)
                    and (cast(? as bigint) is null or member_number = ?)
                """,
                row -> {
                    var to = row.getDate("effective_to");
                    subscriptions
                            .computeIfAbsent(row.getLong("member_number"), k -> new ArrayList<>())
                            .add(new BillingFacts.Subscription(
                                    row.getString("service_code"),
                                    row.getInt("quantity"),
                                    row.getDate("effective_from").toLocalDate(),
                                    to == null ? null : to.toLocalDate()));
                },
                last,
                subscribedFrom,
                only,
                only);
        var usage = new HashMap<Long, List<BillingFacts.DailyUsage>>();
        jdbc.query(
                "select member_number, service_code, day, quantity from usage_daily where day between ? and ?"
                        + " and quantity > 0 and (cast(? as bigint) is null or member_number = ?)",
                row -> {
                    usage.computeIfAbsent(row.getLong("member_number"), k -> new ArrayList<>())
                            .add(new BillingFacts.DailyUsage(
                                    row.getString("service_code"),
                                    row.getDate("day").toLocalDate(),
                                    row.getBigDecimal("quantity")));
                },
                first,
                last,
                only,
                only);
        var facts = new TreeMap<Long, BillingFacts>();
        members.forEach((number, member) -> facts.put(
                number,
                BillingFacts.of(member)
                        .withSubscriptions(subscriptions.getOrDefault(number, List.of()))
                        .withUsage(usage.getOrDefault(number, List.of()))
                        .withCorrections(late.getOrDefault(number, List.of()))));
        return facts;
    }
}
