package org.allmende.billing.run;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.allmende.billing.document.DocumentLine;
import org.allmende.billing.document.DocumentRefused;
import org.allmende.billing.document.DocumentType;
import org.allmende.billing.document.Documents;
import org.allmende.billing.document.DocumentsProperties;
import org.allmende.billing.document.Drafts;
import org.allmende.billing.document.LineKind;
import org.allmende.billing.document.RunKind;
import org.allmende.billing.ledger.MemberLedger;
import org.allmende.billing.payment.CapitalProperties;
import org.allmende.billing.payment.UnpaidCapital;
import org.allmende.billing.payment.UnpaidCapital.Portion;
import org.allmende.events.billing.VatRegime;
import org.allmende.events.money.Money;
import org.allmende.support.web.InvalidField;
import org.springframework.stereotype.Component;

/**
 * Finance's capital call run (§7 Nr. 1 GenG): for every active member, the capital of its shares not paid in nor
 * called yet — the statutes' first instalment, or all of it — as a capital call due on one date, drafted and issued
 * at once (the amounts follow from the statutes, there is nothing to review). The run's period is its due date: one
 * call per member and due date, whatever runs twice; and a run never calls more than is unpaid (ADR 0024).
 */
@Component
public class CapitalCalls {

    /** What the run asked of one member. */
    public record Call(long memberNumber, int shares, BigDecimal amount) {}

    public record CapitalCallRun(
            UUID runId,
            Portion portion,
            LocalDate dueOn,
            BigDecimal total,
            List<Call> calls,
            Documents.RunIssue issue) {}

    private final MemberLedger members;
    private final UnpaidCapital unpaid;
    private final CapitalProperties capital;
    private final DocumentsProperties documents;
    private final Drafts drafts;
    private final Documents issuing;
    private final Clock clock;

    CapitalCalls(
            MemberLedger members,
            UnpaidCapital unpaid,
            CapitalProperties capital,
            DocumentsProperties documents,
            Drafts drafts,
            Documents issuing,
            Clock clock) {
        this.members = members;
        this.unpaid = unpaid;
        this.capital = capital;
        this.documents = documents;
        this.drafts = drafts;
        this.issuing = issuing;
        this.clock = clock;
    }

    /**
     * Calls the portion from every active member that owes some, due on {@code dueOn} (default: the capital call
     * payment term from today). Nothing to call: no run, an empty answer.
     */
    public CapitalCallRun call(Portion portion, LocalDate dueOn) {
        var due = dueOn(dueOn, LocalDate.now(clock), documents.paymentTerms().capitalCall());
        var calls = new ArrayList<Call>();
        for (var member : members.all()) {
            if (!"ACTIVE".equals(member.status()) || member.shares() < 1) {
                continue;
            }
            var amount = unpaid.toCall(member, portion);
            if (amount.signum() > 0) {
                calls.add(new Call(member.memberNumber(), member.shares(), amount));
            }
        }
        if (calls.isEmpty()) {
            return new CapitalCallRun(null, portion, due, Money.ZERO, List.of(), null);
        }
        var runId = drafts.startRun(RunKind.CAPITAL_CALL, due, due);
        for (var call : calls) {
            try {
                drafts.add(runId, call.memberNumber(), DocumentType.CAPITAL_CALL, null, List.of(line(call, portion)));
            } catch (DocumentRefused e) {
                throw new IllegalStateException("a capital call line broke " + e.rule() + ": " + e.getMessage(), e);
            }
        }
        var total = calls.stream().map(Call::amount).reduce(Money.ZERO, BigDecimal::add);
        return new CapitalCallRun(runId, portion, due, total, calls, issuing.issue(runId));
    }

    /**
     * The due date of a run's calls: the one asked for, else the capital call payment term from today; never today
     * or before (400 {@code dueOn} {@code after-today}).
     */
    static LocalDate dueOn(LocalDate asked, LocalDate today, Period paymentTerm) {
        var due = asked == null ? today.plus(paymentTerm) : asked;
        if (!due.isAfter(today)) {
            throw new InvalidField("dueOn", "after-today", "a capital call is due after the day it is issued");
        }
        return due;
    }

    /** Whole shares at their called value where the amount is that; otherwise the amount still unpaid as one. */
    private DocumentLine line(Call call, Portion portion) {
        var perShare = UnpaidCapital.toCall(
                portion, capital.nominalValue(), capital.firstInstalmentPercent(), 1, Money.ZERO, Money.ZERO);
        var shares = call.amount().divide(perShare, 4, RoundingMode.HALF_UP);
        var whole = shares.stripTrailingZeros().scale() <= 0
                && Money.times(perShare, shares.longValue()).compareTo(call.amount()) == 0;
        var what = portion == Portion.FULL
                ? "Capital on shares of " + capital.nominalValue() + " EUR (§7 GenG)"
                : "First instalment of "
                        + capital.firstInstalmentPercent().stripTrailingZeros().toPlainString() + " % on shares of "
                        + capital.nominalValue() + " EUR (§7 Nr. 1 GenG)";
        var description = whole ? what + ", " + shares.longValue() + " shares" : what + ", the part still unpaid";
        return new DocumentLine(
                LineKind.SHARE_CAPITAL,
                description,
                null,
                whole ? BigDecimal.valueOf(shares.longValue()) : BigDecimal.ONE,
                "SHARE",
                whole ? perShare : call.amount(),
                call.amount(),
                BigDecimal.ZERO,
                VatRegime.NOT_TAXABLE,
                Money.ZERO,
                call.amount());
    }
}
