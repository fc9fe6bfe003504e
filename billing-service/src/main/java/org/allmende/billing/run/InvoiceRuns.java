package org.allmende.billing.run;

import java.math.BigDecimal;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.allmende.billing.contribution.BillingFacts;
import org.allmende.billing.contribution.BillingPeriod;
import org.allmende.billing.contribution.ContributionLine;
import org.allmende.billing.contribution.Contributions;
import org.allmende.billing.document.DocumentLine;
import org.allmende.billing.document.DocumentRefused;
import org.allmende.billing.document.DocumentType;
import org.allmende.billing.document.Drafts;
import org.allmende.billing.document.LineKind;
import org.allmende.billing.document.RunKind;
import org.allmende.billing.ledger.LateUsageSettlements;
import org.allmende.billing.ledger.TariffLedger;
import org.allmende.events.billing.VatRegime;
import org.allmende.support.web.NotFound;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finance's invoice run: drafts each member's contributions of a period from billing's facts and the tariffs (the
 * pure calculation), for review before anything is issued. A member whose contributions cannot be calculated (a
 * service without a price on some day) gets no draft but a reason; the others are drafted.
 */
@Component
public class InvoiceRuns {

    /** A member the run could not draft, and why. */
    public record Skipped(long memberNumber, String rule, String reason) {}

    /** A member's draft with its totals, and the previous period's invoiced totals beside them. */
    public record MemberDraft(
            long memberNumber,
            UUID draftId,
            String status,
            BigDecimal net,
            BigDecimal vat,
            BigDecimal gross,
            BigDecimal previousGross,
            BigDecimal difference) {}

    public record Review(
            UUID runId,
            String period,
            int drafts,
            BigDecimal net,
            BigDecimal vat,
            BigDecimal gross,
            List<MemberDraft> members,
            List<Skipped> skipped) {}

    private final FactsLoader facts;
    private final TariffLedger tariffs;
    private final Drafts drafts;
    private final JdbcTemplate jdbc;
    private final LateUsageSettlements lateUsage;
    private final TransactionTemplate transaction;

    InvoiceRuns(
            FactsLoader facts,
            TariffLedger tariffs,
            Drafts drafts,
            JdbcTemplate jdbc,
            LateUsageSettlements lateUsage,
            TransactionTemplate transaction) {
        this.facts = facts;
        this.tariffs = tariffs;
        this.drafts = drafts;
        this.jdbc = jdbc;
        this.lateUsage = lateUsage;
        this.transaction = transaction;
    }

    /** The late usage records a member's corrections carry: its draft settles them when issued. */
    private static List<BillingFacts.UsageRecordKey> lateRecords(BillingFacts facts) {
        return facts.corrections().stream()
                .flatMap(correction -> correction.records().stream())
                .toList();
    }

    /** Drafts the contributions of every member of the period; returns the run for review. */
    public Review draft(BillingPeriod period) {
        var all = facts.load(period);
        var plans = tariffs.tariffs();
        var runId = drafts.startRun(RunKind.CONTRIBUTIONS, period.first(), period.last());
        var skipped = new ArrayList<Skipped>();
        all.forEach((member, memberFacts) -> {
            List<ContributionLine> lines;
            try {
                lines = Contributions.calculate(memberFacts, period, plans);
            } catch (IllegalStateException | IllegalArgumentException e) {
                skipped.add(new Skipped(member, "not-calculable", e.getMessage()));
                return;
            }
            if (lines.isEmpty()) {
                return;
            }
            try {
                transaction.executeWithoutResult(status -> {
                    var draftId = drafts.add(
                            runId,
                            member,
                            DocumentType.INVOICE,
                            null,
                            lines.stream().map(InvoiceRuns::line).toList());
                    lateUsage.attach(draftId, lateRecords(memberFacts));
                });
            } catch (DocumentRefused e) {
                skipped.add(new Skipped(member, e.rule(), e.getMessage()));
            }
        });
        return review(runId, skipped);
    }

    public Review review(UUID runId) {
        return review(runId, List.of());
    }

    private Review review(UUID runId, List<Skipped> skipped) {
        var run = drafts.run(runId).orElseThrow(() -> new NotFound("There is no invoice run " + runId + "."));
        var previousTo = run.periodFrom().minusDays(1);
        var members = jdbc.query(
                """
                select d.member_number, d.draft_id, d.status, sum(l.net) as net, sum(l.vat) as vat,
                    sum(l.gross) as gross,
                    (select sum(p.gross_total) from issued_document p where p.member_number = d.member_number
                        and p.document_type = 'INVOICE' and p.period_to = ?) as previous_gross
                from draft_document d join draft_line l on l.draft_id = d.draft_id
                where d.run_id = ?
                group by d.member_number, d.draft_id, d.status
                order by d.member_number
                """,
                (row, i) -> {
                    var gross = row.getBigDecimal("gross");
                    var previous = row.getBigDecimal("previous_gross");
                    return new MemberDraft(
                            row.getLong("member_number"),
                            row.getObject("draft_id", UUID.class),
                            row.getString("status"),
                            row.getBigDecimal("net"),
                            row.getBigDecimal("vat"),
                            gross,
                            previous,
                            previous == null ? null : gross.subtract(previous));
                },
                Date.valueOf(previousTo),
                runId);
        return new Review(
                runId,
                run.periodFrom() + ".." + run.periodTo(),
                members.size(),
                sum(members, MemberDraft::net),
                sum(members, MemberDraft::vat),
                sum(members, MemberDraft::gross),
                members,
                skipped);
    }

    private static BigDecimal sum(List<MemberDraft> members, java.util.function.Function<MemberDraft, BigDecimal> f) {
        return members.stream().map(f).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** A contribution line as a document line: the same fields; the regimes named as the contract names them. */
    static DocumentLine line(ContributionLine line) {
        return new DocumentLine(
                LineKind.valueOf(line.type().name()),
                line.description(),
                line.serviceCode(),
                line.quantity(),
                line.unit(),
                line.unitPrice(),
                line.net(),
                line.vatRatePercent(),
                switch (line.vatRegime()) {
                    case STANDARD, GOODS -> VatRegime.TAXABLE;
                    case EXEMPT_COST_SHARING -> VatRegime.EXEMPT_COST_SHARING;
                },
                line.vat(),
                line.gross());
    }
}
