package org.allmende.billing.payment;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.allmende.billing.ledger.MemberLedger;
import org.allmende.support.web.InvalidField;
import org.allmende.support.web.NotFound;
import org.allmende.support.web.RuleViolation;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Payments received: recorded once per bank reference, matched to a member's open items where the payment says
 * enough, else kept unmatched until finance assigns them. Partial payments leave the rest of an item open; what is
 * paid beyond the items named is the member's credit and pays its oldest open items (see {@link Settlement}).
 */
@Component
public class Payments {

    /** The answer to recording a payment: the payment as it stands, and whether it had been recorded before. */
    public record Recorded(PaymentView payment, boolean duplicate) {}

    private static final String VIEW =
            """
            select id, bank_reference, kind, source, amount, currency, booked_on, value_date, remittance_text,
                end_to_end_id, debtor_name, debtor_iban, member_hint, member_number, matched_by, unallocated
            from payment
            """;

    private final JdbcTemplate jdbc;
    private final Bookings bookings;
    private final Settlement settlement;
    private final Matching matching;
    private final MemberLedger members;
    private final AccountFacts facts;
    private final Clock clock;

    Payments(
            JdbcTemplate jdbc,
            Bookings bookings,
            Settlement settlement,
            Matching matching,
            MemberLedger members,
            AccountFacts facts,
            Clock clock) {
        this.facts = facts;
        this.jdbc = jdbc;
        this.bookings = bookings;
        this.settlement = settlement;
        this.matching = matching;
        this.members = members;
        this.clock = clock;
    }

    /** Finance enters a payment (e.g. seen in online banking before the statement arrives). */
    @Transactional
    public Recorded enter(IncomingPayment payment, String by) {
        if (payment.bookedOn().isAfter(LocalDate.now(clock))) {
            throw new InvalidField("bookedOn", "not-in-future", "must not be after today");
        }
        if (payment.memberNumber() != null
                && members.byNumber(payment.memberNumber()).isEmpty()) {
            throw new RuleViolation("member-unknown", "Billing knows no member number " + payment.memberNumber() + ".");
        }
        return record(payment, null, by);
    }

    /** Records a payment and books it where it matches; in the caller's transaction (a statement import's). */
    Recorded record(IncomingPayment payment, Long statementImportId, String by) {
        var match = matching.match(payment);
        var id = bookings.paymentReceived(payment, statementImportId, match.hint(), by);
        if (id.isEmpty()) {
            return new Recorded(byReference(payment.bankReference()).orElseThrow(), true);
        }
        if (match.matched()) {
            book(id.get(), match.memberNumber(), match.itemIds(), match.how(), payment.amount(), by);
        }
        return new Recorded(byId(id.get()), false);
    }

    /**
     * Finance books an unmatched payment to a member: to the documents named, in their order, else to the
     * member's oldest open items; what is left is the member's credit.
     */
    @Transactional
    public PaymentView assign(long paymentId, long memberNumber, List<String> documentNumbers, String by) {
        var payment = jdbc
                .query(
                        "select kind, amount, member_number from payment where id = ? for update",
                        (row, i) -> new Object[] {
                            row.getString("kind"), row.getBigDecimal("amount"), row.getObject("member_number")
                        },
                        paymentId)
                .stream()
                .findFirst()
                .orElseThrow(() -> new NotFound("No payment " + paymentId + "."));
        if (!"RECEIVED".equals(payment[0])) {
            throw new RuleViolation(
                    "return-not-assignable", "A direct debit return is booked with its collection, not by hand.");
        }
        if (payment[2] != null) {
            throw new RuleViolation(
                    "payment-already-booked", "Payment " + paymentId + " is booked to member " + payment[2] + ".");
        }
        if (members.byNumber(memberNumber).isEmpty()) {
            throw new RuleViolation("member-unknown", "Billing knows no member number " + memberNumber + ".");
        }
        var itemIds = new ArrayList<Long>();
        for (var number : documentNumbers) {
            var item = jdbc
                    .query(
                            "select id, member_number from open_item where document_number = ?",
                            (row, i) -> new long[] {row.getLong("id"), row.getLong("member_number")},
                            number)
                    .stream()
                    .findFirst()
                    .orElseThrow(() -> new RuleViolation("document-unknown", "No document " + number + "."));
            if (item[1] != memberNumber) {
                throw new RuleViolation(
                        "document-of-another-member", number + " is not a document of member " + memberNumber + ".");
            }
            itemIds.add(item[0]);
        }
        book(paymentId, memberNumber, itemIds, MatchedBy.ASSIGNED, (BigDecimal) payment[1], by);
        return byId(paymentId);
    }

    private void book(
            long paymentId, long memberNumber, List<Long> itemIds, MatchedBy how, BigDecimal amount, String by) {
        bookings.lockAccount(memberNumber);
        bookings.paymentBooked(paymentId, memberNumber, how, by);
        var today = LocalDate.now(clock);
        settlement.payItems(itemIds, paymentId, amount, today);
        settlement.settle(memberNumber, today);
        facts.paymentBooked(paymentId);
    }

    public PaymentView byId(long id) {
        return jdbc.query(VIEW + " where id = ?", this::view, id).stream()
                .findFirst()
                .orElseThrow(() -> new NotFound("No payment " + id + "."));
    }

    public Optional<PaymentView> byReference(String bankReference) {
        return jdbc.query(VIEW + " where bank_reference = ?", this::view, bankReference).stream()
                .findFirst();
    }

    /** Payments, newest first; unmatched only or matched only if asked. */
    public List<PaymentView> list(Optional<Boolean> matched) {
        var where = matched.map(m -> m ? " where member_number is not null" : " where member_number is null")
                .orElse("");
        return jdbc.query(VIEW + where + " order by booked_on desc, id desc", this::view);
    }

    /** The payments booked to a member's account, in booking order. */
    public List<PaymentView> ofMember(long memberNumber) {
        return jdbc.query(VIEW + " where member_number = ? order by booked_on, id", this::view, memberNumber);
    }

    private PaymentView view(ResultSet row, int index) throws SQLException {
        var id = row.getLong("id");
        var valueDate = row.getDate("value_date");
        var matchedBy = row.getString("matched_by");
        var allocations = jdbc.query(
                """
                select i.document_number, a.amount, a.allocated_on from allocation a
                join open_item i on i.id = a.open_item_id
                where a.payment_id = ? order by a.id
                """,
                (line, i) -> new PaymentView.Allocation(
                        line.getString("document_number"),
                        line.getBigDecimal("amount"),
                        line.getDate("allocated_on").toLocalDate()),
                id);
        return new PaymentView(
                id,
                row.getString("bank_reference"),
                row.getString("kind"),
                row.getString("source"),
                row.getBigDecimal("amount"),
                row.getString("currency"),
                row.getDate("booked_on").toLocalDate(),
                valueDate == null ? null : valueDate.toLocalDate(),
                row.getString("remittance_text"),
                row.getString("end_to_end_id"),
                row.getString("debtor_name"),
                row.getString("debtor_iban"),
                (Long) row.getObject("member_hint", Long.class),
                (Long) row.getObject("member_number", Long.class),
                matchedBy == null ? null : MatchedBy.valueOf(matchedBy),
                row.getBigDecimal("unallocated"),
                allocations);
    }
}
