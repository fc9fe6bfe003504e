package org.allmende.billing.run;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.allmende.billing.contribution.BillingFacts;
import org.allmende.billing.contribution.BillingPeriod;
import org.allmende.billing.contribution.ContributionLine;
import org.allmende.billing.contribution.Contributions;
import org.allmende.billing.document.DocumentLine;
import org.allmende.billing.document.DocumentType;
import org.allmende.billing.document.Drafts;
import org.allmende.billing.document.LineKind;
import org.allmende.billing.document.RunKind;
import org.allmende.billing.ledger.LateUsageSettlements;
import org.allmende.billing.ledger.TariffLedger;
import org.allmende.billing.ledger.UsageLedger;
import org.allmende.billing.tariff.Tariffs;
import org.allmende.events.billing.VatRegime;
import org.allmende.support.web.NotFound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finance's invoice run: drafts each member's contributions of a period from billing's facts and the tariffs (the
 * pure calculation), for review before anything is issued. A member whose contributions cannot be calculated (a
 * service without a price on some day) gets no draft but a reason; the others are drafted.
 *
 * <p>In chunks of a few hundred members (ADR 0023): per chunk the facts are read in three statements, calculated in
 * memory and the drafts and their lines written in two set-based statements, in one transaction; reading, calculating
 * and writing overlap. The run is marked
 * drafted in the transaction of its last chunk; until then (and for ever, if the drafting broke off) it is shown as
 * incomplete and cannot be issued.
 */
@Component
public class InvoiceRuns {

    private static final Logger log = LoggerFactory.getLogger(InvoiceRuns.class);

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

    /**
     * A run for review; {@code status} is {@code DRAFTED} once every member is drafted, {@code DRAFTING} while it is
     * under way or when it broke off (start a new run then: an incomplete one is never issued).
     */
    public record Review(
            UUID runId,
            String period,
            String status,
            int drafts,
            BigDecimal net,
            BigDecimal vat,
            BigDecimal gross,
            List<MemberDraft> members,
            List<Drafts.Skipped> skipped) {}

    /**
     * A run as the list shows it: its kind and period, whether the drafting finished, when and by whom it was
     * started (Berlin time), how many drafts it made and issued and their gross total.
     */
    public record RunSummary(
            UUID runId,
            String kind,
            LocalDate periodFrom,
            LocalDate periodTo,
            String status,
            LocalDateTime createdAt,
            String createdBy,
            int drafts,
            int issued,
            BigDecimal gross) {}

    private final FactsLoader facts;
    private final TariffLedger tariffs;
    private final Drafts drafts;
    private final JdbcTemplate jdbc;
    private final LateUsageSettlements lateUsage;
    private final UsageLedger usage;
    private final TransactionTemplate transaction;
    private final TransactionTemplate snapshot;
    private final java.time.Clock clock;
    private final int chunkSize;
    private final String intakeGroup;
    private final String usageTopic;

    InvoiceRuns(
            FactsLoader facts,
            TariffLedger tariffs,
            Drafts drafts,
            JdbcTemplate jdbc,
            LateUsageSettlements lateUsage,
            UsageLedger usage,
            TransactionTemplate transaction,
            java.time.Clock clock,
            InvoicingProperties properties,
            @Value("${allmende.intake.group-id}") String intakeGroup,
            @Value("${allmende.intake.usage-topic}") String usageTopic) {
        this.facts = facts;
        this.tariffs = tariffs;
        this.drafts = drafts;
        this.jdbc = jdbc;
        this.lateUsage = lateUsage;
        this.usage = usage;
        this.transaction = transaction;
        this.snapshot = new TransactionTemplate(transaction.getTransactionManager());
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setReadOnly(true);
        this.clock = clock;
        this.chunkSize = properties.draftChunkSize();
        this.intakeGroup = intakeGroup;
        this.usageTopic = usageTopic;
    }

    /**
     * Drafts the contributions of every member of the period; returns the run for review. Three stages, one thread
     * each, chunk by chunk in order: the facts of the next chunk are read while this one is calculated and the one
     * before is written (one transaction per chunk).
     */
    public Review draft(BillingPeriod period) {
        var plans = tariffs.tariffs();
        // once the run is committed, every record counted is either seen by the chunks' reads or flagged for the issue
        var runId = transaction.execute(status -> {
            var begun = drafts.beginRun(RunKind.CONTRIBUTIONS, period.first(), period.last());
            usage.awaitCounting();
            return begun;
        });
        var run = drafts.run(runId).orElseThrow();
        var members = facts.members(period);
        var chunks = new ArrayList<List<Long>>();
        for (int from = 0; from < members.size(); from += chunkSize) {
            chunks.add(members.subList(from, Math.min(members.size(), from + chunkSize)));
        }
        if (chunks.isEmpty()) {
            chunks.add(List.of());
        }
        var notCalculable = new ArrayList<Drafts.Skipped>();
        var refused = new ArrayList<Drafts.Skipped>(); // only the writer touches it
        var reader = Executors.newSingleThreadExecutor(task -> new Thread(task, "invoice-run-reader"));
        var writer = Executors.newSingleThreadExecutor(task -> new Thread(task, "invoice-run-writer"));
        var started = System.nanoTime();
        var reading = new AtomicLong();
        var writing = new AtomicLong();
        long calculating = 0;
        long waitingForFacts = 0;
        long waitingForWriter = 0;
        try {
            var next = reader.submit(read(period, chunks.get(0), reading));
            Future<?> written = CompletableFuture.completedFuture(null);
            for (int c = 0; c < chunks.size(); c++) {
                var waiting = System.nanoTime();
                var chunkFacts = await(next);
                if (c + 1 < chunks.size()) {
                    next = reader.submit(read(period, chunks.get(c + 1), reading));
                }
                var calculated = System.nanoTime();
                waitingForFacts += calculated - waiting;
                var toWrite = calculate(period, plans, chunks.get(c), chunkFacts.facts(), notCalculable);
                var last = c == chunks.size() - 1;
                var skipped = last ? List.copyOf(notCalculable) : List.<Drafts.Skipped>of();
                waiting = System.nanoTime();
                calculating += waiting - calculated;
                await(written);
                waitingForWriter += System.nanoTime() - waiting;
                written = writer.submit(() -> {
                    var writingStarted = System.nanoTime();
                    transaction.executeWithoutResult(status -> {
                        var added = drafts.addAll(
                                run, toWrite.drafts(), chunkFacts.usagePositions(), chunkFacts.countedAt());
                        refused.addAll(added.refused());
                        for (int i = 0; i < added.draftIds().size(); i++) {
                            if (added.draftIds().get(i) != null) {
                                lateUsage.attach(
                                        added.draftIds().get(i),
                                        toWrite.lateRecords().get(i));
                            }
                        }
                        if (last) {
                            var all = new ArrayList<>(skipped);
                            all.addAll(refused);
                            drafts.complete(runId, all);
                        }
                    });
                    writing.addAndGet(System.nanoTime() - writingStarted);
                });
            }
            await(written);
        } finally {
            reader.shutdownNow();
            writer.shutdownNow();
        }
        var reviewing = System.nanoTime();
        var review = review(runId);
        log.info(
                "run {} for {}: {} members in {} chunks drafted in {} ms (calculating {} ms, waiting for facts {} ms and"
                        + " for the writer {} ms; beside it reading facts {} ms, writing {} ms), review {} ms",
                runId,
                period,
                members.size(),
                chunks.size(),
                (reviewing - started) / 1_000_000,
                calculating / 1_000_000,
                waitingForFacts / 1_000_000,
                waitingForWriter / 1_000_000,
                reading.get() / 1_000_000,
                writing.get() / 1_000_000,
                (System.nanoTime() - reviewing) / 1_000_000);
        return review;
    }

    /**
     * A chunk's facts, and where billing stood in the usage partitions and when, in the snapshot they were read in:
     * exactly the usage records before these positions are in the facts (ADR 0029).
     */
    private record ChunkFacts(Map<Long, BillingFacts> facts, long[] usagePositions, Instant countedAt) {}

    /**
     * Reads the facts of a chunk of members in a few statements, and the usage positions, in one snapshot (a
     * read-only repeatable-read transaction): the intake moves the positions with the usage they count, so the
     * positions say which records the facts hold. The moment is taken after the reads, so a record counted outside
     * the stream's order at a later moment was not read.
     */
    private Callable<ChunkFacts> read(BillingPeriod period, List<Long> chunk, AtomicLong reading) {
        return () -> {
            if (chunk.isEmpty()) {
                return new ChunkFacts(Map.of(), null, null);
            }
            var started = System.nanoTime();
            try {
                return snapshot.execute(status -> {
                    var read = facts.load(period, chunk.get(0), chunk.get(chunk.size() - 1));
                    var positions = usage.positions(intakeGroup, usageTopic);
                    return new ChunkFacts(read, positions, clock.instant());
                });
            } finally {
                reading.addAndGet(System.nanoTime() - started);
            }
        };
    }

    /** A chunk's drafts, and beside each the late usage records its correction lines settle once issued. */
    private record Calculated(List<Drafts.NewDraft> drafts, List<List<BillingFacts.UsageRecordKey>> lateRecords) {}

    /** The late usage records a member's corrections carry: its draft settles them when issued (ADR 0025). */
    private static List<BillingFacts.UsageRecordKey> lateRecords(BillingFacts facts) {
        return facts.corrections().stream()
                .flatMap(correction -> correction.records().stream())
                .toList();
    }

    /** The drafts of a chunk of members, calculated in memory from their facts. */
    private static Calculated calculate(
            BillingPeriod period,
            Tariffs plans,
            List<Long> chunk,
            Map<Long, BillingFacts> chunkFacts,
            List<Drafts.Skipped> notCalculable) {
        var toWrite = new ArrayList<Drafts.NewDraft>();
        var late = new ArrayList<List<BillingFacts.UsageRecordKey>>();
        for (var member : chunk) {
            var memberFacts = chunkFacts.get(member);
            if (memberFacts == null) {
                continue; // no longer a member of the period: its exit was recorded since the run started
            }
            List<ContributionLine> lines;
            try {
                lines = Contributions.calculate(memberFacts, period, plans);
            } catch (IllegalStateException | IllegalArgumentException e) {
                notCalculable.add(new Drafts.Skipped(member, "not-calculable", e.getMessage()));
                continue;
            }
            if (!lines.isEmpty()) {
                toWrite.add(new Drafts.NewDraft(
                        member,
                        DocumentType.INVOICE,
                        null,
                        lines.stream().map(InvoiceRuns::line).toList()));
                late.add(lateRecords(memberFacts));
            }
        }
        return new Calculated(toWrite, late);
    }

    /** Waits for a chunk's facts or write; its failure is the run's. */
    private static <T> T await(Future<T> stage) {
        try {
            return stage.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while drafting", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Every run, the newest first. */
    public List<RunSummary> list() {
        return jdbc.query(
                """
                select r.run_id, r.kind, r.period_from, r.period_to, r.status, r.created_by,
                    r.created_at at time zone 'Europe/Berlin' as created_local,
                    count(d.draft_id) as drafts, count(d.draft_id) filter (where d.status = 'ISSUED') as issued,
                    coalesce((select sum(l.gross) from draft_line l join draft_document x on x.draft_id = l.draft_id
                              where x.run_id = r.run_id), 0) as gross
                from invoice_run r left join draft_document d on d.run_id = r.run_id
                group by r.run_id
                order by r.created_at desc, r.period_from desc
                """,
                (row, i) -> new RunSummary(
                        row.getObject("run_id", UUID.class),
                        row.getString("kind"),
                        row.getDate("period_from").toLocalDate(),
                        row.getDate("period_to").toLocalDate(),
                        row.getString("status"),
                        row.getTimestamp("created_local").toLocalDateTime(),
                        row.getString("created_by"),
                        row.getInt("drafts"),
                        row.getInt("issued"),
                        row.getBigDecimal("gross")));
    }

    public Review review(UUID runId) {
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
                run.drafted() ? "DRAFTED" : "DRAFTING",
                members.size(),
                sum(members, MemberDraft::net),
                sum(members, MemberDraft::vat),
                sum(members, MemberDraft::gross),
                members,
                drafts.skipped(runId));
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
