package org.allmende.billing.payment;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
        var payment = lockForAssignment(paymentId);
        if (payment.memberNumber() != null) {
            throw new RuleViolation(
                    "payment-already-booked",
                    "Payment " + paymentId + " is booked to member " + payment.memberNumber() + ".");
        }
        requireMember(memberNumber);
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
        book(paymentId, memberNumber, itemIds, MatchedBy.ASSIGNED, payment.amount(), by);
        return byId(paymentId);
    }

    /**
     * Finance assigns a payment by hand, part by part ({@link ManualAssignment}): an unmatched payment is booked to
     * the member with it; a booked one with money left over (the member's credit) gives more of it. What the parts
     * leave of the payment pays the member's oldest open items (a credit never stands beside a debt).
     *
     * @throws AssignmentRefused naming each part that breaks a rule, and the sum if it is more than the rest
     */
    @Transactional
    public PaymentView assignParts(long paymentId, long memberNumber, List<ManualAssignment.Part> parts, String by) {
        var payment = lockForAssignment(paymentId);
        var bookedTo = payment.memberNumber();
        if (bookedTo != null && bookedTo != memberNumber) {
            throw new RuleViolation(
                    "payment-already-booked", "Payment " + paymentId + " is booked to member " + bookedTo + ".");
        }
        var rest = payment.unallocated();
        if (bookedTo != null && (rest.signum() <= 0 || parts.isEmpty())) {
            throw new RuleViolation(
                    "payment-fully-assigned", "Payment " + paymentId + " has nothing left to assign by hand.");
        }
        requireMember(memberNumber);
        bookings.lockAccount(memberNumber);
        var items = new java.util.HashMap<String, ManualAssignment.Item>();
        var ids = new java.util.HashMap<String, Long>();
        for (var part : parts) {
            jdbc.query(
                    """
                    select i.id, i.member_number, i.open_amount,
                        exists (select 1 from direct_debit_collection c
                                where c.open_item_id = i.id and c.status = 'SUBMITTED') as in_collection
                    from open_item i where i.document_number = ?
                    """,
                    row -> {
                        ids.put(part.documentNumber(), row.getLong("id"));
                        items.put(
                                part.documentNumber(),
                                new ManualAssignment.Item(
                                        row.getLong("member_number"),
                                        row.getBigDecimal("open_amount"),
                                        row.getBoolean("in_collection")));
                    },
                    part.documentNumber());
        }
        var problems = ManualAssignment.broken(memberNumber, rest, parts, items);
        if (!problems.isEmpty()) {
            throw new AssignmentRefused(problems);
        }
        if (bookedTo == null) {
            bookings.paymentBooked(paymentId, memberNumber, MatchedBy.ASSIGNED, by);
        }
        var today = LocalDate.now(clock);
        for (var part : parts) {
            bookings.allocated(ids.get(part.documentNumber()), paymentId, null, part.amount(), today);
        }
        settlement.settle(memberNumber, today);
        if (bookedTo == null) {
            facts.paymentBooked(paymentId);
        } else {
            facts.allocationsMade(memberNumber, AccountFacts.CREDIT_APPLIED);
        }
        return byId(paymentId);
    }

    /** A payment as an assignment needs it, locked until the transaction ends. */
    private record Locked(BigDecimal amount, Long memberNumber, BigDecimal unallocated) {}

    /** The payment, locked; 404 if there is none, 409 if it is a return (booked with its collection). */
    private Locked lockForAssignment(long paymentId) {
        var payment = jdbc
                .query(
                        "select kind, amount, member_number, unallocated from payment where id = ? for update",
                        (row, i) -> Map.entry(
                                row.getString("kind"),
                                new Locked(
                                        row.getBigDecimal("amount"),
                                        row.getObject("member_number", Long.class),
                                        row.getBigDecimal("unallocated"))),
                        paymentId)
                .stream()
                .findFirst()
                .orElseThrow(() -> new NotFound("No payment " + paymentId + "."));
        if (!"RECEIVED".equals(payment.getKey())) {
            throw new RuleViolation(
                    "return-not-assignable", "A direct debit return is booked with its collection, not by hand.");
        }
        return payment.getValue();
    }

    private void requireMember(long memberNumber) {
        if (members.byNumber(memberNumber).isEmpty()) {
            throw new RuleViolation("member-unknown", "Billing knows no member number " + memberNumber + ".");
        }
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
