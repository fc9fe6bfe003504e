package org.allmende.billing.payment;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import org.allmende.billing.ledger.MemberLedger;
import org.allmende.events.money.Money;
import org.allmende.support.web.NotFound;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Members' account statements, read from the open items and the payments booked to them. */
@Component
public class AccountStatements {

    private record Dated(LocalDate date, int order, long id, AccountStatement.Line line) {}

    private final OpenItems items;
    private final Payments payments;
    private final MemberLedger members;
    private final Payouts payouts;
    private final Clock clock;

    AccountStatements(OpenItems items, Payments payments, MemberLedger members, Payouts payouts, Clock clock) {
        this.payouts = payouts;
        this.items = items;
        this.payments = payments;
        this.members = members;
        this.clock = clock;
    }

    /** The member's statement as of today; 404 if billing knows no such member. */
    @Transactional(readOnly = true)
    public AccountStatement of(long memberNumber) {
        var member = members.byNumber(memberNumber)
                .orElseThrow(() -> new NotFound("Billing knows no member number " + memberNumber + "."));
        var dated = new ArrayList<Dated>();
        var all = items.ofMember(memberNumber);
        for (var item : all) {
            dated.add(new Dated(
                    item.issuedOn(),
                    0,
                    0,
                    line(item.issuedOn(), item.type().name(), item.documentNumber(), describe(item), item.amount())));
        }
        var credit = Money.ZERO;
        for (var payment : payments.ofMember(memberNumber)) {
            var returned = "RETURN".equals(payment.kind());
            credit = credit.add(payment.unallocated());
            dated.add(new Dated(
                    payment.bookedOn(),
                    1,
                    payment.id(),
                    new AccountStatement.Line(
                            payment.bookedOn(),
                            returned ? "DIRECT_DEBIT_RETURN" : "PAYMENT",
                            payment.bankReference(),
                            payment.remittanceText(),
                            payment.amount().negate(),
                            null,
                            payment.allocations().stream()
                                    .map(PaymentView.Allocation::documentNumber)
                                    .distinct()
                                    .toList())));
        }
        for (var payout : payouts.ofMember(memberNumber)) {
            if (payout.netted() != null && payout.netted().signum() > 0) {
                dated.add(new Dated(
                        payout.paidOn(),
                        2,
                        0,
                        new AccountStatement.Line(
                                payout.paidOn(),
                                "PAYOUT_SET_OFF",
                                payout.reference(),
                                "Capital of " + payout.capital() + " EUR set off (§73 GenG), " + payout.paidOut()
                                        + " EUR paid out",
                                payout.netted().negate(),
                                null,
                                payout.nettedAgainst())));
            }
        }
        dated.sort(
                Comparator.comparing(Dated::date).thenComparingInt(Dated::order).thenComparingLong(Dated::id));
        var balance = Money.ZERO;
        var lines = new ArrayList<AccountStatement.Line>();
        for (var entry : dated) {
            var line = entry.line();
            balance = balance.add(line.amount());
            lines.add(new AccountStatement.Line(
                    line.date(), line.kind(), line.reference(), line.text(), line.amount(), balance, line.documents()));
        }
        var open = all.stream().filter(item -> item.openAmount().signum() != 0).toList();
        return new AccountStatement(
                memberNumber, member.name(), LocalDate.now(clock), NewOpenItem.EUR, lines, balance, credit, open);
    }

    private static AccountStatement.Line line(
            LocalDate date, String kind, String reference, String text, BigDecimal amount) {
        return new AccountStatement.Line(date, kind, reference, text, amount, null, java.util.List.of());
    }

    private static String describe(OpenItemView item) {
        return switch (item.type()) {
            case INVOICE -> "Invoice, due " + item.dueOn();
            case CAPITAL_CALL -> "Capital call, due " + item.dueOn();
            case CREDIT_NOTE -> item.refersTo() == null ? "Credit note" : "Credit note on " + item.refersTo();
            case DUNNING_FEE -> "Dunning fee on " + item.refersTo() + ", due " + item.dueOn();
        };
    }
}
