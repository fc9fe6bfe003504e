package org.allmende.billing.document;

import java.io.Serializable;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.allmende.billing.ledger.LateUsageSettlements;
import org.allmende.billing.ledger.MemberLedger;
import org.allmende.billing.ledger.MemberView;
import org.allmende.billing.ledger.UsageLedger;
import org.allmende.billing.payment.Mandates;
import org.allmende.billing.payment.NewOpenItem;
import org.allmende.billing.payment.OpenItems;
import org.allmende.billing.payment.UnpaidCapital;
import org.allmende.events.money.Money;
import org.allmende.support.axon.WhoAndWhy;
import org.allmende.support.web.NotFound;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issuing: a run's drafts become documents, a batch of drafts per short transaction (ADR 0019, 0023). Under the
 * drafts' locks: an issued draft is skipped, so issuing is idempotent whatever is retried or run twice at the same
 * time; then, under the lock of its number series, a member already invoiced for the period by another run
 * supersedes the draft, otherwise the next number is taken, the draft marked issued and {@link DocumentIssued}
 * appended to billing's event store — one commit for the batch, or nothing (and its numbers are free again). A draft
 * that breaks a rule is marked with it and the run goes on; the next attempt issues what is left.
 */
@Component
public class Documents {

    private static final Logger log = LoggerFactory.getLogger(Documents.class);
    private static final String CURRENCY = "EUR";

    public enum Outcome {
        ISSUED,
        ALREADY_ISSUED,
        SUPERSEDED,
        FAILED
    }

    /** What became of one draft: its number where it has one (its own, or the one that superseded it). */
    public record DraftOutcome(
            UUID draftId,
            long memberNumber,
            DocumentType type,
            Outcome outcome,
            String number,
            String rule,
            String message)
            implements Serializable {}

    public record RunIssue(
            UUID runId, int issued, int alreadyIssued, int superseded, int failed, List<DraftOutcome> drafts)
            implements Serializable {}

    private record Draft(
            UUID draftId,
            UUID runId,
            RunKind runKind,
            LocalDate periodFrom,
            LocalDate periodTo,
            DocumentType type,
            long memberNumber,
            String refersToNumber,
            String status,
            String number,
            String supersededBy,
            long[] usagePositions,
            java.time.Instant usageCountedAt) {

        /** The invoiced period this draft makes, with where and when it read the member's usage (ADR 0029). */
        UsageLedger.InvoicedMemberPeriod invoiced(String number) {
            return new UsageLedger.InvoicedMemberPeriod(
                    memberNumber, periodFrom, periodTo, number, usagePositions, usageCountedAt);
        }
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final TransactionManager axonTransactions;
    private final EventStore eventStore;
    private final NumberSeries series;
    private final Drafts drafts;
    private final MemberLedger members;
    private final UsageLedger usage;
    private final LateUsageSettlements lateUsage;
    private final OpenItems openItems;
    private final Mandates mandates;
    private final UnpaidCapital unpaidCapital;
    private final DocumentsProperties properties;
    private final Clock clock;
    private final String intakeGroup;
    private final String usageTopic;

    Documents(
            JdbcTemplate jdbc,
            TransactionTemplate transaction,
            TransactionManager axonTransactions,
            EventStore eventStore,
            NumberSeries series,
            Drafts drafts,
            MemberLedger members,
            UsageLedger usage,
            LateUsageSettlements lateUsage,
            OpenItems openItems,
            Mandates mandates,
            UnpaidCapital unpaidCapital,
            DocumentsProperties properties,
            Clock clock,
            @Value("${allmende.intake.group-id}") String intakeGroup,
            @Value("${allmende.intake.usage-topic}") String usageTopic) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.axonTransactions = axonTransactions;
        this.eventStore = eventStore;
        this.series = series;
        this.drafts = drafts;
        this.members = members;
        this.usage = usage;
        this.lateUsage = lateUsage;
        this.openItems = openItems;
        this.mandates = mandates;
        this.unpaidCapital = unpaidCapital;
        this.properties = properties;
        this.clock = clock;
        this.intakeGroup = intakeGroup;
        this.usageTopic = usageTopic;
    }

    /**
     * Issues every draft of the run not issued yet, in member order, {@code allmende.documents.issue-batch-size}
     * drafts per transaction (ADR 0023). A run whose drafting is under way or broke off is refused: it is not
     * complete.
     */
    public RunIssue issue(UUID runId) {
        var drafted = drafts.run(runId).orElseThrow(() -> new NotFound("There is no invoice run " + runId + "."));
        if (!drafted.drafted()) {
            throw new DocumentRefused(
                    "run-not-drafted",
                    "Run " + runId + " is not completely drafted: its drafting is under way or broke off."
                            + " Start a new run for the period; an incomplete run is never issued.");
        }
        var draftIds = jdbc.queryForList(
                "select draft_id from draft_document where run_id = ?"
                        + " order by member_number, document_type, refers_to_number",
                UUID.class,
                runId);
        var started = System.nanoTime();
        var outcomes = new ArrayList<DraftOutcome>();
        var batch = properties.issueBatchSize();
        for (int from = 0; from < draftIds.size(); from += batch) {
            outcomes.addAll(issueBatch(draftIds.subList(from, Math.min(draftIds.size(), from + batch))));
        }
        var run = new RunIssue(
                runId,
                count(outcomes, Outcome.ISSUED),
                count(outcomes, Outcome.ALREADY_ISSUED),
                count(outcomes, Outcome.SUPERSEDED),
                count(outcomes, Outcome.FAILED),
                outcomes);
        log.info(
                "run {}: {} issued, {} issued before, {} superseded by another run, {} failed, in {} ms (batches of {})",
                runId,
                run.issued(),
                run.alreadyIssued(),
                run.superseded(),
                run.failed(),
                (System.nanoTime() - started) / 1_000_000,
                batch);
        return run;
    }

    /**
     * Issues several drafts in one unit of work and transaction: under their locks (taken in member order, as every
     * issuer takes them) and the lock of each number series, the ones not issued yet take consecutive numbers, and
     * every write — drafts, counters, invoiced periods, events, open items — is one statement for all of them. A
     * draft that breaks a rule is marked failed in the same transaction and takes no number. Only invoices are
     * batched: credit notes (which depend on each other's credit) and capital calls (few, with rules of their own)
     * are issued one by one after the batch; and if the final guard fires (another
     * run's document for a member committed in another year's series, ADR 0019) nothing of the batch is kept and it
     * is issued draft by draft, as {@link #issueOne} always did. Answers the outcomes in the order given.
     */
    List<DraftOutcome> issueBatch(List<UUID> draftIds) {
        if (draftIds.size() == 1) {
            return List.of(issueOne(draftIds.get(0)));
        }
        Map<UUID, DraftOutcome> outcomes;
        try {
            outcomes = inUnitOfWork(draftIds.get(0), () -> issueLocked(draftIds));
        } catch (DuplicateKeyException | OneByOne e) {
            log.info(
                    "a draft of a batch cannot be issued with the others ({}); issuing the batch one by one",
                    e.getMessage());
            return draftIds.stream().map(this::issueOne).toList();
        }
        return draftIds.stream()
                .map(id -> outcomes.containsKey(id) ? outcomes.get(id) : issueOne(id))
                .toList();
    }

    /**
     * A batch that must be issued draft by draft: one of its drafts corrects late usage another invoice settled in the
     * meantime (the one-by-one path refuses just that draft). Nothing of the batch is kept.
     */
    private static final class OneByOne extends RuntimeException {
        OneByOne(String message) {
            super(message, null, false, false);
        }
    }

    /** What a draft of a batch becomes once it has its number. */
    private record ToIssue(Draft draft, DocumentIssued issued) {}

    private Map<UUID, DraftOutcome> issueLocked(List<UUID> draftIds) {
        var locked = jdbc.query(
                con -> {
                    var statement = con.prepareStatement(
                            """
                            select * from draft_document where draft_id = any(?)
                            order by member_number, document_type, refers_to_number, draft_id
                            for update
                            """);
                    statement.setArray(1, con.createArrayOf("uuid", draftIds.toArray()));
                    return statement;
                },
                Documents::draft);
        if (locked.size() != draftIds.size()) {
            throw new NotFound("Some of the drafts " + draftIds + " do not exist.");
        }
        var outcomes = new HashMap<UUID, DraftOutcome>();
        var pending = new ArrayList<Draft>();
        for (var draft : locked) {
            switch (draft.status()) {
                case "ISSUED" ->
                    outcomes.put(draft.draftId(), outcome(draft, Outcome.ALREADY_ISSUED, draft.number(), null, null));
                case "SUPERSEDED" ->
                    outcomes.put(draft.draftId(), outcome(draft, Outcome.SUPERSEDED, draft.supersededBy(), null, null));
                default -> {
                    if (draft.type() == DocumentType.INVOICE) {
                        pending.add(draft); // credit notes and capital calls: one by one after this batch
                    }
                }
            }
        }
        if (pending.isEmpty()) {
            return outcomes;
        }
        var known = members.byNumbers(
                pending.stream().map(Draft::memberNumber).distinct().toList());
        var lines = drafts.lines(pending.stream().map(Draft::draftId).toList());
        var earlier = issuedFor(pending);
        var issuedOn = LocalDate.now(clock);
        var series = new EnumMap<DocumentType, NumberSeries.Locked>(DocumentType.class);
        var taken = new EnumMap<DocumentType, Long>(DocumentType.class);
        var metaData = WhoAndWhy.current();
        var toIssue = new ArrayList<ToIssue>();
        // the mandates usable today, before the series' lock, which others wait for
        var directDebits = new HashMap<UUID, DirectDebitAtIssue>();
        for (var draft : pending) {
            if (known.containsKey(draft.memberNumber())) {
                directDebits.put(draft.draftId(), directDebit(draft, issuedOn));
            }
        }
        for (var draft : pending) {
            var member = known.get(draft.memberNumber());
            var draftLines = lines.getOrDefault(draft.draftId(), List.of());
            try {
                if (member == null) {
                    throw new DocumentRefused(
                            "member-unknown", "Billing knows no member " + draft.memberNumber() + ".");
                }
                DocumentLines.check(draft.type(), draftLines);
            } catch (DocumentRefused e) {
                outcomes.put(draft.draftId(), markFailed(draft, e));
                continue;
            }
            var lockedSeries = series.computeIfAbsent(draft.type(), type -> this.series.lock(type, issuedOn.getYear()));
            var before = earlier.get(draft.draftId());
            if (before != null) {
                jdbc.update(
                        "update draft_document set status = 'SUPERSEDED', superseded_by = ? where draft_id = ?",
                        before,
                        draft.draftId());
                outcomes.put(draft.draftId(), outcome(draft, Outcome.SUPERSEDED, before, null, null));
                continue;
            }
            var next = taken.merge(draft.type(), lockedSeries.lastNumber() + 1, (last, one) -> last + 1);
            var number = lockedSeries.pattern().format(lockedSeries.year(), next);
            toIssue.add(new ToIssue(
                    draft,
                    issued(
                            draft,
                            member,
                            draftLines,
                            DocumentTotals.of(draftLines),
                            number,
                            issuedOn,
                            dueOn(draft, issuedOn), // batches hold invoices only: capital calls go one by one
                            directDebits.get(draft.draftId()))));
        }
        if (toIssue.isEmpty()) {
            return outcomes;
        }
        taken.forEach((type, last) -> this.series.advance(series.get(type), last));
        var issuedAt = Timestamp.from(clock.instant());
        jdbc.update(con -> {
            var statement = con.prepareStatement(
                    """
                    update draft_document d set status = 'ISSUED', document_number = x.n, member_id = x.m,
                        issued_on = ?, issued_at = ?, failure_rule = null, failure_message = null
                    from unnest(?::uuid[], ?::varchar[], ?::uuid[]) as x (id, n, m)
                    where d.draft_id = x.id
                    """);
            statement.setDate(1, Date.valueOf(issuedOn));
            statement.setTimestamp(2, issuedAt);
            statement.setArray(
                    3,
                    con.createArrayOf(
                            "uuid",
                            toIssue.stream().map(i -> i.draft().draftId()).toArray()));
            statement.setArray(
                    4,
                    con.createArrayOf(
                            "varchar",
                            toIssue.stream().map(i -> i.issued().number()).toArray()));
            statement.setArray(
                    5,
                    con.createArrayOf(
                            "uuid",
                            toIssue.stream()
                                    .map(i -> i.issued().buyer().memberId())
                                    .toArray()));
            return statement;
        });
        settleLateUsage(toIssue);
        eventStore.publish(toIssue.stream()
                .map(i -> new GenericDomainEventMessage<>(
                        i.draft().type().streamType(),
                        i.draft().draftId().toString(),
                        0L,
                        new GenericMessage<>(i.issued(), metaData),
                        clock.instant()))
                .toList());
        openItems.addAll(
                toIssue.stream().map(i -> openItem(i.draft(), i.issued())).toList());
        // last: it holds off counting usage until the commit (ADR 0029)
        usage.periodsInvoiced(
                toIssue.stream()
                        .filter(i -> i.draft().type() == DocumentType.INVOICE)
                        .map(i -> i.draft().invoiced(i.issued().number()))
                        .toList(),
                intakeGroup,
                usageTopic);
        for (var issue : toIssue) {
            outcomes.put(
                    issue.draft().draftId(),
                    outcome(issue.draft(), Outcome.ISSUED, issue.issued().number(), null, null));
        }
        return outcomes;
    }

    /**
     * Settles the late usage the batch's invoices correct (ADR 0025), for the few drafts that carry any (found in
     * one statement); if another invoice settled one of those records first, the batch goes one by one.
     */
    private void settleLateUsage(List<ToIssue> toIssue) {
        var invoices = toIssue.stream()
                .filter(i -> i.draft().type() == DocumentType.INVOICE)
                .toList();
        if (invoices.isEmpty()) {
            return;
        }
        var carrying = new java.util.HashSet<UUID>(jdbc.query(
                con -> {
                    var statement = con.prepareStatement(
                            "select distinct draft_id from draft_late_usage where draft_id = any(?)");
                    statement.setArray(
                            1,
                            con.createArrayOf(
                                    "uuid",
                                    invoices.stream()
                                            .map(i -> i.draft().draftId())
                                            .toArray()));
                    return statement;
                },
                (row, n) -> row.getObject("draft_id", UUID.class)));
        for (var invoice : invoices) {
            if (carrying.contains(invoice.draft().draftId())) {
                var correctedBefore = lateUsage.settle(
                        invoice.draft().draftId(),
                        invoice.draft().memberNumber(),
                        invoice.issued().number());
                if (!correctedBefore.isEmpty()) {
                    throw new OneByOne("late usage corrected by another invoice: " + correctedBefore);
                }
            }
        }
    }

    /** The documents other runs issued for these drafts' members, periods and kinds of run, by draft id. */
    private Map<UUID, String> issuedFor(List<Draft> pending) {
        record Key(DocumentType type, RunKind runKind, LocalDate from, LocalDate to) {}
        var byKey = pending.stream()
                .collect(Collectors.groupingBy(d -> new Key(d.type(), d.runKind(), d.periodFrom(), d.periodTo())));
        var found = new HashMap<UUID, String>();
        byKey.forEach((key, drafts) -> {
            var byMember = new HashMap<Long, String>();
            jdbc.query(
                    con -> {
                        var statement = con.prepareStatement(
                                """
                                select member_number, document_number from draft_document
                                where document_type = ? and run_kind = ? and member_number = any(?)
                                    and period_from = ? and period_to = ? and status = 'ISSUED'
                                """);
                        statement.setString(1, key.type().name());
                        statement.setString(2, key.runKind().name());
                        statement.setArray(
                                3,
                                con.createArrayOf(
                                        "int8",
                                        drafts.stream().map(Draft::memberNumber).toArray()));
                        statement.setDate(4, Date.valueOf(key.from()));
                        statement.setDate(5, Date.valueOf(key.to()));
                        return statement;
                    },
                    row -> {
                        byMember.put(row.getLong("member_number"), row.getString("document_number"));
                    });
            drafts.forEach(d -> {
                if (byMember.containsKey(d.memberNumber())) {
                    found.put(d.draftId(), byMember.get(d.memberNumber()));
                }
            });
        });
        return found;
    }

    /** A draft of a batch that breaks a rule, marked with it in the batch's transaction. */
    private DraftOutcome markFailed(Draft draft, DocumentRefused refused) {
        jdbc.update(
                "update draft_document set status = 'FAILED', failure_rule = ?, failure_message = ? where draft_id = ?",
                refused.rule(),
                refused.getMessage(),
                draft.draftId());
        log.warn(
                "draft {} of member {} not issued: {} ({})",
                draft.draftId(),
                draft.memberNumber(),
                refused.rule(),
                refused.getMessage());
        return outcome(draft, Outcome.FAILED, null, refused.rule(), refused.getMessage());
    }

    /** Issues one draft, or says why not; never issues it twice. */
    public DraftOutcome issueOne(UUID draftId) {
        try {
            return inUnitOfWork(draftId, () -> issueLocked(draftId));
        } catch (DocumentRefused e) {
            return failed(draftId, e);
        } catch (DuplicateKeyException e) {
            return supersededAfterTheFact(draftId, e);
        }
    }

    private DraftOutcome issueLocked(UUID draftId) {
        var draft =
                jdbc
                        .query("select * from draft_document where draft_id = ? for update", Documents::draft, draftId)
                        .stream()
                        .findFirst()
                        .orElseThrow(() -> new NotFound("There is no draft " + draftId + "."));
        switch (draft.status()) {
            case "ISSUED" -> {
                return outcome(draft, Outcome.ALREADY_ISSUED, draft.number(), null, null);
            }
            case "SUPERSEDED" -> {
                return outcome(draft, Outcome.SUPERSEDED, draft.supersededBy(), null, null);
            }
            default -> {}
        }
        var member = members.byNumber(draft.memberNumber())
                .orElseThrow(() ->
                        new DocumentRefused("member-unknown", "Billing knows no member " + draft.memberNumber() + "."));
        var lines = drafts.lines(draftId);
        DocumentLines.check(draft.type(), lines);
        var totals = DocumentTotals.of(lines);
        var issuedOn = LocalDate.now(clock);
        var directDebit = directDebit(draft, issuedOn); // before the series' lock, which others wait for

        var locked = series.lock(draft.type(), issuedOn.getYear());
        if (draft.type() == DocumentType.CREDIT_NOTE) {
            checkCredit(draft, totals.gross());
        } else {
            var earlier = issuedFor(draft);
            if (earlier.isPresent()) {
                jdbc.update(
                        "update draft_document set status = 'SUPERSEDED', superseded_by = ? where draft_id = ?",
                        earlier.get(),
                        draftId);
                return outcome(draft, Outcome.SUPERSEDED, earlier.get(), null, null);
            }
        }
        var dueOn = dueOn(draft, issuedOn);
        if (draft.type() == DocumentType.CAPITAL_CALL) {
            // under the series' lock, so capital call issues take turns: each euro is called once
            var unpaid = unpaidCapital.toCall(member, UnpaidCapital.Portion.FULL);
            if (totals.gross().compareTo(unpaid) > 0) {
                throw new DocumentRefused(
                        "capital-call-above-unpaid-capital",
                        "Member " + draft.memberNumber() + " has " + unpaid + " EUR of capital not paid in nor called;"
                                + " a call of " + totals.gross() + " EUR is too much.");
            }
        }
        var number = series.take(locked);
        jdbc.update(
                """
                update draft_document set status = 'ISSUED', document_number = ?, member_id = ?, issued_on = ?,
                    issued_at = ?, failure_rule = null, failure_message = null
                where draft_id = ?
                """,
                number,
                member.memberId(),
                Date.valueOf(issuedOn),
                Timestamp.from(clock.instant()),
                draftId);
        if (draft.type() == DocumentType.INVOICE) {
            var correctedBefore = lateUsage.settle(draftId, draft.memberNumber(), number);
            if (!correctedBefore.isEmpty()) {
                throw new DocumentRefused(
                        "late-usage-corrected-already",
                        "Another invoice corrected late usage this draft corrects too: " + correctedBefore
                                + "; run the period again.");
            }
        }
        var issued = issued(draft, member, lines, totals, number, issuedOn, dueOn, directDebit);
        eventStore.publish(new GenericDomainEventMessage<>(
                draft.type().streamType(),
                draftId.toString(),
                0L,
                new GenericMessage<>(issued, WhoAndWhy.current()),
                clock.instant()));
        openItems.add(openItem(draft, issued));
        if (draft.type() == DocumentType.INVOICE) {
            // last: it holds off counting usage until the commit (ADR 0029)
            usage.periodsInvoiced(List.of(draft.invoiced(number)), intakeGroup, usageTopic);
        }
        return outcome(draft, Outcome.ISSUED, number, null, null);
    }

    /** The document a draft becomes with its number: the buyer as billed now, the lines, totals and due date. */
    private DocumentIssued issued(
            Draft draft,
            MemberView member,
            List<DocumentLine> lines,
            DocumentTotals totals,
            String number,
            LocalDate issuedOn,
            LocalDate dueOn,
            DirectDebitAtIssue directDebit) {
        var address = member.address();
        return new DocumentIssued(
                draft.draftId(),
                draft.type(),
                number,
                draft.runId(),
                draft.runKind(),
                new Buyer(
                        member.memberId(),
                        member.memberNumber(),
                        member.name(),
                        address.street(),
                        address.postalCode(),
                        address.city(),
                        address.country(),
                        member.leitwegId()),
                draft.periodFrom(),
                draft.periodTo(),
                issuedOn,
                dueOn,
                draft.refersToNumber(),
                CURRENCY,
                lines,
                totals.vatSubtotals(),
                totals.net(),
                totals.vat(),
                totals.gross(),
                directDebit);
    }

    private static NewOpenItem openItem(Draft draft, DocumentIssued issued) {
        var number = issued.number();
        return switch (draft.type()) {
            case INVOICE ->
                NewOpenItem.invoice(
                        draft.memberNumber(), number, issued.issuedOn(), issued.dueOn(), issued.grossTotal());
            case CAPITAL_CALL ->
                NewOpenItem.capitalCall(
                        draft.memberNumber(), number, issued.issuedOn(), issued.dueOn(), issued.grossTotal());
            case CREDIT_NOTE ->
                NewOpenItem.creditNote(
                        draft.memberNumber(), number, issued.issuedOn(), issued.grossTotal(), draft.refersToNumber());
        };
    }

    /**
     * The direct debit a document asking for money is collected by, fixed now and recorded in the event: the member's
     * mandate usable today. A credit note is not collected (it is set off, ADR 0021).
     */
    private DirectDebitAtIssue directDebit(Draft draft, LocalDate issuedOn) {
        if (draft.type() == DocumentType.CREDIT_NOTE) {
            return null;
        }
        var creditorId = mandates.creditorId();
        return mandates.usableOn(draft.memberNumber(), issuedOn)
                .flatMap(m -> creditorId.map(id -> new DirectDebitAtIssue(m.reference(), id, m.iban(), m.debtorName())))
                .orElse(null);
    }

    /**
     * A capital call is due on the date its run names (its period is that one day); other documents by the payment
     * term after issue; a credit note has no due date.
     */
    private LocalDate dueOn(Draft draft, LocalDate issuedOn) {
        if (draft.runKind() == RunKind.CAPITAL_CALL) {
            if (draft.periodTo().isBefore(issuedOn)) {
                throw new DocumentRefused(
                        "capital-call-due-date-passed",
                        "The run called capital by " + draft.periodTo() + "; that day has passed. Start a new run.");
            }
            return draft.periodTo();
        }
        var term = properties.paymentTerm(draft.type());
        return term == null ? null : issuedOn.plus(term);
    }

    /** The number of the document another run issued for this member, period and kind of run, if any. */
    private Optional<String> issuedFor(Draft draft) {
        return jdbc
                .queryForList(
                        """
                        select document_number from draft_document
                        where document_type = ? and run_kind = ? and member_number = ? and period_from = ?
                            and period_to = ? and status = 'ISSUED'
                        """,
                        String.class,
                        draft.type().name(),
                        draft.runKind().name(),
                        draft.memberNumber(),
                        Date.valueOf(draft.periodFrom()),
                        Date.valueOf(draft.periodTo()))
                .stream()
                .findFirst();
    }

    /** A credit note takes back at most what its invoice, less the credit notes before it, charged the member. */
    private void checkCredit(Draft draft, BigDecimal credit) {
        var invoice = jdbc.queryForList(
                "select draft_id from draft_document where document_number = ? and document_type = 'INVOICE'"
                        + " and member_number = ? and status = 'ISSUED'",
                UUID.class,
                draft.refersToNumber(),
                draft.memberNumber());
        if (invoice.isEmpty()) {
            throw new DocumentRefused(
                    "credit-note-refers-to-unknown-invoice",
                    "Member " + draft.memberNumber() + " has no invoice " + draft.refersToNumber() + ".");
        }
        var charged = DocumentTotals.of(drafts.lines(invoice.get(0))).gross();
        var creditedBefore = jdbc
                .queryForList(
                        "select draft_id from draft_document where refers_to_number = ? and status = 'ISSUED'",
                        UUID.class,
                        draft.refersToNumber())
                .stream()
                .map(id -> DocumentTotals.of(drafts.lines(id)).gross())
                .reduce(Money.ZERO, BigDecimal::add);
        if (creditedBefore.add(credit).compareTo(charged) > 0) {
            throw new DocumentRefused(
                    "credit-exceeds-invoice",
                    "Invoice " + draft.refersToNumber() + " charged " + charged + " EUR, " + creditedBefore
                            + " EUR of it credited before; " + credit + " EUR more is too much.");
        }
    }

    /**
     * One Axon unit of work with its own Spring transaction: the event is appended when it prepares to commit, in the
     * same transaction as the number and the draft, and the processors are woken only after the commit.
     */
    private <T> T inUnitOfWork(UUID draftId, Callable<T> task) {
        var unitOfWork = DefaultUnitOfWork.startAndGet(new GenericMessage<>(draftId));
        unitOfWork.attachTransaction(axonTransactions);
        var result = unitOfWork.executeWithResult(task, RollbackConfigurationType.ANY_THROWABLE);
        if (result.isExceptional()) {
            if (result.exceptionResult() instanceof RuntimeException e) {
                throw e;
            }
            throw new IllegalStateException(result.exceptionResult());
        }
        return result.getPayload();
    }

    private DraftOutcome failed(UUID draftId, DocumentRefused refused) {
        return transaction.execute(status -> {
            jdbc.update(
                    "update draft_document set status = 'FAILED', failure_rule = ?, failure_message = ?"
                            + " where draft_id = ? and status in ('DRAFT', 'FAILED')",
                    refused.rule(),
                    refused.getMessage(),
                    draftId);
            var draft = load(draftId);
            log.warn(
                    "draft {} of member {} not issued: {} ({})",
                    draftId,
                    draft.memberNumber(),
                    refused.rule(),
                    refused.getMessage());
            return outcome(draft, Outcome.FAILED, null, refused.rule(), refused.getMessage());
        });
    }

    /**
     * The final guard fired: another run's document for the same member and period committed first without
     * waiting for this one (it was numbered in another year's series, around New Year). Nothing of this attempt
     * was kept; the draft is marked superseded by it.
     */
    private DraftOutcome supersededAfterTheFact(UUID draftId, DuplicateKeyException e) {
        return transaction.execute(status -> {
            var draft = load(draftId);
            var earlier = issuedFor(draft).orElseThrow(() -> e);
            jdbc.update(
                    "update draft_document set status = 'SUPERSEDED', superseded_by = ?"
                            + " where draft_id = ? and status in ('DRAFT', 'FAILED')",
                    earlier,
                    draftId);
            return outcome(draft, Outcome.SUPERSEDED, earlier, null, null);
        });
    }

    private Draft load(UUID draftId) {
        return jdbc.queryForObject("select * from draft_document where draft_id = ?", Documents::draft, draftId);
    }

    private static Draft draft(java.sql.ResultSet row, int i) throws java.sql.SQLException {
        return new Draft(
                row.getObject("draft_id", UUID.class),
                row.getObject("run_id", UUID.class),
                RunKind.valueOf(row.getString("run_kind")),
                row.getDate("period_from").toLocalDate(),
                row.getDate("period_to").toLocalDate(),
                DocumentType.valueOf(row.getString("document_type")),
                row.getLong("member_number"),
                row.getString("refers_to_number"),
                row.getString("status"),
                row.getString("document_number"),
                row.getString("superseded_by"),
                positions(row.getArray("usage_positions")),
                row.getTimestamp("usage_counted_at") == null
                        ? null
                        : row.getTimestamp("usage_counted_at").toInstant());
    }

    private static long[] positions(java.sql.Array array) throws java.sql.SQLException {
        if (array == null) {
            return null;
        }
        return java.util.Arrays.stream((Long[]) array.getArray())
                .mapToLong(Long::longValue)
                .toArray();
    }

    private static DraftOutcome outcome(Draft draft, Outcome outcome, String number, String rule, String message) {
        return new DraftOutcome(draft.draftId(), draft.memberNumber(), draft.type(), outcome, number, rule, message);
    }

    private static int count(List<DraftOutcome> outcomes, Outcome outcome) {
        return (int) outcomes.stream().filter(o -> o.outcome() == outcome).count();
    }
}
