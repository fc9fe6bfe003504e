package org.allmende.billing.run;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.allmende.billing.contribution.BillingPeriod;
import org.allmende.billing.contribution.ContributionLine;
import org.allmende.billing.contribution.ContributionTotals;
import org.allmende.billing.contribution.Contributions;
import org.allmende.billing.document.RunKind;
import org.allmende.billing.ledger.TariffLedger;
import org.allmende.support.time.BusinessTime;
import org.allmende.support.web.RuleViolation;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A member's contributions of a period as an invoice run would draft them now — the same facts, tariffs and
 * calculation, corrections of late usage included — without storing anything. A period that has not ended yet is
 * provisional: its usage is what was counted so far.
 */
@Component
public class ContributionPreviews {

    /**
     * The preview. {@code provisional} while the period has not ended (Europe/Berlin): usage counted until
     * {@code usageCountedUntil}, more may come. {@code invoicedBy}: the invoice already issued for the period, if any.
     * The lines are the calculation's own, as the run drafts them.
     */
    public record Preview(
            long memberNumber,
            String period,
            LocalDate from,
            LocalDate to,
            boolean provisional,
            LocalDate usageCountedUntil,
            String note,
            String invoicedBy,
            List<ContributionLine> lines,
            ContributionTotals totals) {}

    private final FactsLoader facts;
    private final TariffLedger tariffs;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    ContributionPreviews(FactsLoader facts, TariffLedger tariffs, JdbcTemplate jdbc, Clock clock) {
        this.facts = facts;
        this.tariffs = tariffs;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Preview preview(long memberNumber, BillingPeriod period) {
        var today = LocalDate.now(clock.withZone(BusinessTime.ZONE));
        var memberFacts = facts.load(period, memberNumber);
        List<ContributionLine> lines;
        try {
            lines = memberFacts
                    .map(f -> Contributions.calculate(f, period, tariffs.tariffs()))
                    .orElse(List.of());
        } catch (IllegalStateException | IllegalArgumentException e) {
            // what the run reports as a skipped member: finance has to fix a tariff (or a fact) first
            throw new RuleViolation("not-calculable", e.getMessage());
        }
        var provisional = !today.isAfter(period.last());
        String note;
        if (memberFacts.isEmpty()) {
            note = "Member " + memberNumber + " is no member in " + period + ": nothing to contribute.";
        } else if (today.isBefore(period.first())) {
            note = "Provisional: " + period + " has not begun; no usage counted yet, only what is charged by time.";
        } else if (provisional) {
            note = "Provisional: usage counted until " + today + "; " + period + " runs until " + period.last() + ".";
        } else {
            note = "Final figures of " + period + ", as the invoice run would draft them now.";
        }
        return new Preview(
                memberNumber,
                period.toString(),
                period.first(),
                period.last(),
                provisional,
                provisional ? (today.isBefore(period.first()) ? null : today) : period.last(),
                note,
                invoicedBy(memberNumber, period),
                lines,
                ContributionTotals.of(lines));
    }

    private String invoicedBy(long memberNumber, BillingPeriod period) {
        return jdbc
                .queryForList(
                        """
                        select document_number from draft_document
                        where document_type = 'INVOICE' and run_kind = ? and member_number = ? and period_from = ?
                            and period_to = ? and status = 'ISSUED'
                        """,
                        String.class,
                        RunKind.CONTRIBUTIONS.name(),
                        memberNumber,
                        Date.valueOf(period.first()),
                        Date.valueOf(period.last()))
                .stream()
                .findFirst()
                .orElse(null);
    }
}
