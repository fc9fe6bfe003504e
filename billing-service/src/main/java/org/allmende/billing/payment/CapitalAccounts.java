package org.allmende.billing.payment;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.allmende.billing.ledger.MemberLedger;
import org.allmende.events.money.Money;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A member's capital account (shares, capital, calls, payments on them, payouts): one read for the member portal. */
@Component
public class CapitalAccounts {

    private final JdbcTemplate jdbc;
    private final MemberLedger members;
    private final Payouts payouts;
    private final CapitalProperties capital;

    CapitalAccounts(JdbcTemplate jdbc, MemberLedger members, Payouts payouts, CapitalProperties capital) {
        this.jdbc = jdbc;
        this.members = members;
        this.payouts = payouts;
        this.capital = capital;
    }

    /** Empty while billing does not know the member yet (it learns of an admission a moment later). */
    @Transactional(readOnly = true)
    public Optional<CapitalAccount> of(long memberNumber) {
        return members.byNumber(memberNumber).map(member -> {
            var subscribed = Money.times(capital.nominalValue(), member.shares());
            // an ended membership owes no capital any more: what it paid in is paid out (§73 GenG)
            var owing = "ENDED".equals(member.status()) ? Money.ZERO : subscribed.subtract(member.paidInCapital());
            var calls = calls(memberNumber);
            var payments = payments(memberNumber);
            var openInCalls =
                    calls.stream().map(CapitalAccount.Call::openAmount).reduce(Money.ZERO, BigDecimal::add);
            var onItsWay = payments.stream()
                    .filter(payment -> !payment.recorded())
                    .map(CapitalAccount.CapitalPayment::amount)
                    .reduce(Money.ZERO, BigDecimal::add);
            return new CapitalAccount(
                    memberNumber,
                    member.name(),
                    member.status(),
                    member.shares(),
                    capital.nominalValue(),
                    subscribed,
                    member.paidInCapital(),
                    owing.signum() > 0 ? Money.round(owing) : Money.ZERO,
                    openInCalls,
                    onItsWay,
                    member.capitalToPayOut(),
                    member.payoutDueBy(),
                    calls,
                    payments,
                    payouts.ofMember(memberNumber));
        });
    }

    private List<CapitalAccount.Call> calls(long memberNumber) {
        return jdbc.query(
                """
                select document_number, issued_on, due_on, amount_gross, open_amount from open_item
                where member_number = ? and document_type = 'CAPITAL_CALL' order by issued_on, id
                """,
                (row, i) -> {
                    var amount = row.getBigDecimal("amount_gross");
                    var open = row.getBigDecimal("open_amount");
                    return new CapitalAccount.Call(
                            row.getString("document_number"),
                            row.getDate("issued_on").toLocalDate(),
                            row.getDate("due_on").toLocalDate(),
                            amount,
                            open,
                            open.signum() == 0 ? "PAID" : open.compareTo(amount) < 0 ? "PARTLY_PAID" : "OPEN");
                },
                memberNumber);
    }

    private List<CapitalAccount.CapitalPayment> payments(long memberNumber) {
        return jdbc.query(
                """
                select a.allocated_on, i.document_number, p.bank_reference, a.amount,
                       exists (select 1 from capital_acknowledged k where k.allocation_id = a.id) as recorded
                from allocation a
                join open_item i on i.id = a.open_item_id
                left join payment p on p.id = a.payment_id
                where i.member_number = ? and i.document_type = 'CAPITAL_CALL'
                order by a.allocated_on, a.id
                """,
                (row, i) -> new CapitalAccount.CapitalPayment(
                        row.getDate("allocated_on").toLocalDate(),
                        row.getString("document_number"),
                        row.getString("bank_reference"),
                        row.getBigDecimal("amount"),
                        row.getBoolean("recorded")),
                memberNumber);
    }
}
