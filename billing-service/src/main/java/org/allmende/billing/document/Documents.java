package org.allmende.billing.document;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.allmende.billing.ledger.LateUsageSettlements;
import org.allmende.billing.ledger.MemberLedger;
import org.allmende.billing.ledger.UsageLedger;
import org.allmende.billing.payment.Mandates;
import org.allmende.billing.payment.NewOpenItem;
import org.allmende.billing.payment.OpenItems;
import org.allmende.events.money.Money;
import org.allmende.support.security.CurrentUser;
import org.allmende.support.web.CorrelationId;
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
 * Issuing: a run's drafts become documents, each in its own short transaction (ADR 0019). Under the draft's lock:
 * an issued draft is skipped, so issuing is idempotent whatever is retried or run twice at the same time; then,
 * under the lock of its number series, a member already invoiced for the period by another run supersedes the
 * draft, otherwise the next number is taken, the draft marked issued and {@link DocumentIssued} appended to
 * billing's event store — one commit for all of it, or nothing (and the number is free again). A draft that breaks
 * a rule is marked with it and the run goes on; the next attempt issues what is left.
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
            String message) {}

    public record RunIssue(
            UUID runId, int issued, int alreadyIssued, int superseded, int failed, List<DraftOutcome> drafts) {}

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
            String supersededBy) {}

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
        this.properties = properties;
        this.clock = clock;
        this.intakeGroup = intakeGroup;
        this.usageTopic = usageTopic;
    }

    /** Issues every draft of the run not issued yet, in member order. */
    public RunIssue issue(UUID runId) {
        drafts.run(runId).orElseThrow(() -> new NotFound("There is no invoice run " + runId + "."));
        var draftIds = jdbc.queryForList(
                "select draft_id from draft_document where run_id = ?"
                        + " order by member_number, document_type, refers_to_number",
                UUID.class,
                runId);
        var outcomes = draftIds.stream().map(this::issueOne).toList();
        var run = new RunIssue(
                runId,
                count(outcomes, Outcome.ISSUED),
                count(outcomes, Outcome.ALREADY_ISSUED),
                count(outcomes, Outcome.SUPERSEDED),
                count(outcomes, Outcome.FAILED),
                outcomes);
        log.info(
                "run {}: {} issued, {} issued before, {} superseded by another run, {} failed",
                runId,
                run.issued(),
                run.alreadyIssued(),
                run.superseded(),
                run.failed());
        return run;
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
            usage.periodInvoiced(
                    draft.memberNumber(), draft.periodFrom(), draft.periodTo(), number, intakeGroup, usageTopic);
            var correctedBefore = lateUsage.settle(draftId, draft.memberNumber(), number);
            if (!correctedBefore.isEmpty()) {
                throw new DocumentRefused(
                        "late-usage-corrected-already",
                        "Another invoice corrected late usage this draft corrects too: " + correctedBefore
                                + "; run the period again.");
            }
        }
        var address = member.address();
        var term = properties.paymentTerm(draft.type());
        var issued = new DocumentIssued(
                draftId,
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
                term == null ? null : issuedOn.plus(term),
                draft.refersToNumber(),
                CURRENCY,
                lines,
                totals.vatSubtotals(),
                totals.net(),
                totals.vat(),
                totals.gross(),
                directDebit);
        eventStore.publish(new GenericDomainEventMessage<>(
                draft.type().streamType(),
                draftId.toString(),
                0L,
                new GenericMessage<>(issued, whoAndWhy()),
                clock.instant()));
        openItems.add(
                switch (draft.type()) {
                    case INVOICE ->
                        NewOpenItem.invoice(draft.memberNumber(), number, issuedOn, issued.dueOn(), totals.gross());
                    case CAPITAL_CALL ->
                        NewOpenItem.capitalCall(draft.memberNumber(), number, issuedOn, issued.dueOn(), totals.gross());
                    case CREDIT_NOTE ->
                        NewOpenItem.creditNote(
                                draft.memberNumber(), number, issuedOn, totals.gross(), draft.refersToNumber());
                });
        return outcome(draft, Outcome.ISSUED, number, null, null);
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

    /** Who issued it and in which request, as membership's commands record it (ADR 0008). */
    private static java.util.Map<String, Object> whoAndWhy() {
        var metaData = new HashMap<String, Object>();
        metaData.put("user", CurrentUser.name());
        metaData.put("role", CurrentUser.roles());
        var correlationId = CorrelationId.current();
        if (correlationId != null) {
            metaData.put("correlationId", correlationId);
        }
        return metaData;
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
                row.getString("superseded_by"));
    }

    private static DraftOutcome outcome(Draft draft, Outcome outcome, String number, String rule, String message) {
        return new DraftOutcome(draft.draftId(), draft.memberNumber(), draft.type(), outcome, number, rule, message);
    }

    private static int count(List<DraftOutcome> outcomes, Outcome outcome) {
        return (int) outcomes.stream().filter(o -> o.outcome() == outcome).count();
    }
}
