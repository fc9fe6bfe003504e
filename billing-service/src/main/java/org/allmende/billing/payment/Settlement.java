package org.allmende.billing.payment;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A member's credit is never left beside its debt: what a payment did not use up (an over-payment, the credit
 * balance) and what a credit note credits are set off against the member's open items, the oldest due first.
 * Items on their way in a direct debit are left out (the collection pays them); they join again if it comes back.
 */
@Component
class Settlement {

    /** A credit (payment left over or credit note) with the day it arose. */
    private record Credit(Long paymentId, Long creditItemId, LocalDate on, long order, BigDecimal[] left) {}

    private final JdbcTemplate jdbc;
    private final Bookings bookings;

    Settlement(JdbcTemplate jdbc, Bookings bookings) {
        this.jdbc = jdbc;
        this.bookings = bookings;
    }

    /** The member's open items that are not on their way in a direct debit, the oldest due first. */
    static final String OPEN_DEBITS =
            """
            select i.id, i.open_amount, i.document_type from open_item i
            where i.member_number = ? and i.open_amount > 0
              and not exists (select 1 from direct_debit_collection c
                              where c.open_item_id = i.id and c.status = 'SUBMITTED')
            order by i.due_on, i.id
            """;

    /** Sets the member's credits off against its open items; the caller holds the account's lock. */
    void settle(long memberNumber, LocalDate on) {
        var credits = new ArrayList<Credit>();
        credits.addAll(jdbc.query(
                """
                select id, booked_on, unallocated from payment
                where member_number = ? and kind = 'RECEIVED' and unallocated > 0
                """,
                (row, i) -> new Credit(
                        row.getLong("id"),
                        null,
                        row.getDate("booked_on").toLocalDate(),
                        row.getLong("id"),
                        new BigDecimal[] {row.getBigDecimal("unallocated")}),
                memberNumber));
        credits.addAll(jdbc.query(
                """
                select id, issued_on, open_amount from open_item
                where member_number = ? and document_type = 'CREDIT_NOTE' and open_amount < 0
                """,
                (row, i) -> new Credit(
                        null,
                        row.getLong("id"),
                        row.getDate("issued_on").toLocalDate(),
                        row.getLong("id"),
                        new BigDecimal[] {row.getBigDecimal("open_amount").negate()}),
                memberNumber));
        if (credits.isEmpty()) {
            return;
        }
        credits.sort(Comparator.comparing(Credit::on)
                .thenComparing(credit -> credit.paymentId() == null ? 1 : 0)
                .thenComparing(Credit::order));
        var debits = jdbc.query(OPEN_DEBITS, Settlement::debit, memberNumber);
        for (var debit : debits) {
            var open = debit.open();
            for (var credit : credits) {
                if (open.signum() <= 0) {
                    break;
                }
                // §22 (5) GenG: the member cannot set its claims off against capital owed on shares; only money
                // it paid (an over-payment) pays a capital call.
                if (credit.left()[0].signum() == 0 || (debit.capital() && credit.paymentId() == null)) {
                    continue;
                }
                var amount = open.min(credit.left()[0]);
                bookings.allocated(debit.id(), credit.paymentId(), credit.creditItemId(), amount, on);
                open = open.subtract(amount);
                credit.left()[0] = credit.left()[0].subtract(amount);
            }
        }
    }

    record Debit(long id, BigDecimal open, boolean capital) {}

    static Debit debit(ResultSet row, int index) throws SQLException {
        return new Debit(
                row.getLong("id"),
                row.getBigDecimal("open_amount"),
                OpenItemType.CAPITAL_CALL.name().equals(row.getString("document_type")));
    }

    /** Applies up to {@code available} to the items in the given order; returns what is left of it. */
    BigDecimal payItems(List<Long> itemIds, long paymentId, BigDecimal available, LocalDate on) {
        var left = available;
        for (var itemId : itemIds) {
            if (left.signum() <= 0) {
                break;
            }
            var open = jdbc.queryForObject("select open_amount from open_item where id = ?", BigDecimal.class, itemId);
            if (open.signum() <= 0) {
                continue;
            }
            var amount = open.min(left);
            bookings.allocated(itemId, paymentId, null, amount, on);
            left = left.subtract(amount);
        }
        return left;
    }
}
