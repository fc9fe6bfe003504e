package org.allmende.billing.ledger;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.allmende.events.membership.ServiceSubscribed;
import org.allmende.events.membership.SubscriptionCancelled;
import org.allmende.events.membership.SubscriptionQuantityChanged;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The members' subscriptions as periods of one quantity each: what usage is checked against and what flat and
 * per-device charges are computed from. Membership guarantees a change never predates the previous one.
 */
@Component
public class SubscriptionLedger {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    SubscriptionLedger(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void subscribe(ServiceSubscribed event) {
        jdbc.update(
                """
                insert into subscription (member_id, member_number, service_code, effective_from, quantity, updated_at)
                values (?, ?, ?, ?, ?, ?) on conflict (member_id, service_code, effective_from) do nothing
                """,
                event.memberId(),
                event.memberNumber(),
                event.serviceCode(),
                Date.valueOf(event.effectiveFrom()),
                event.quantity(),
                now());
    }

    /**
     * Splits the period that contains the change's day: the part before keeps the old quantity, the part from the
     * day on (up to the old period's end, which a cancellation may have set) gets the new one. On a period's first
     * day the quantity is replaced instead.
     */
    public void changeQuantity(SubscriptionQuantityChanged event) {
        var day = Date.valueOf(event.effectiveFrom());
        var containing = jdbc.query(
                """
                select effective_from, effective_to from subscription
                where member_id = ? and service_code = ? and effective_from <= ?
                    and (effective_to is null or effective_to >= ?)
                """,
                (row, i) -> new Date[] {row.getDate(1), row.getDate(2)},
                event.memberId(),
                event.serviceCode(),
                day,
                day);
        if (containing.isEmpty()) {
            throw new IllegalStateException("member " + event.memberNumber() + " has no subscription of "
                    + event.serviceCode() + " on " + event.effectiveFrom());
        }
        var period = containing.get(0);
        if (period[0].equals(day)) {
            jdbc.update(
                    "update subscription set quantity = ?, updated_at = ?"
                            + " where member_id = ? and service_code = ? and effective_from = ?",
                    event.quantity(),
                    now(),
                    event.memberId(),
                    event.serviceCode(),
                    day);
            return;
        }
        jdbc.update(
                "update subscription set effective_to = ?, updated_at = ?"
                        + " where member_id = ? and service_code = ? and effective_from = ?",
                Date.valueOf(event.effectiveFrom().minusDays(1)),
                now(),
                event.memberId(),
                event.serviceCode(),
                period[0]);
        jdbc.update(
                """
                insert into subscription (member_id, member_number, service_code, effective_from, effective_to,
                    quantity, updated_at)
                values (?, ?, ?, ?, ?, ?, ?)
                """,
                event.memberId(),
                event.memberNumber(),
                event.serviceCode(),
                day,
                period[1],
                event.quantity(),
                now());
    }

    public void cancel(SubscriptionCancelled event) {
        jdbc.update(
                """
                update subscription set effective_to = ?, updated_at = ?
                where member_id = ? and service_code = ? and effective_to is null and effective_from <= ?
                """,
                Date.valueOf(event.effectiveTo()),
                now(),
                event.memberId(),
                event.serviceCode(),
                Date.valueOf(event.effectiveTo()));
    }

    /** All periods of a member's subscriptions, by service and start. */
    public List<SubscriptionView> of(long memberNumber) {
        return jdbc.query(
                "select * from subscription where member_number = ? order by service_code, effective_from",
                SubscriptionLedger::view,
                memberNumber);
    }

    /** What the member was subscribed to on that day, and in which quantity. */
    public List<SubscriptionView> inEffect(long memberNumber, LocalDate day) {
        return jdbc.query(
                """
                select * from subscription
                where member_number = ? and effective_from <= ? and (effective_to is null or effective_to >= ?)
                order by service_code
                """,
                SubscriptionLedger::view,
                memberNumber,
                Date.valueOf(day),
                Date.valueOf(day));
    }

    public List<SubscriptionView> of(long memberNumber, Optional<LocalDate> day) {
        return day.map(d -> inEffect(memberNumber, d)).orElseGet(() -> of(memberNumber));
    }

    private static SubscriptionView view(ResultSet row, int index) throws SQLException {
        var to = row.getDate("effective_to");
        return new SubscriptionView(
                row.getString("service_code"),
                row.getInt("quantity"),
                row.getDate("effective_from").toLocalDate(),
                to == null ? null : to.toLocalDate());
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}
