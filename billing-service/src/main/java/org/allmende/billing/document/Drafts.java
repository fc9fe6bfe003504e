package org.allmende.billing.document;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.allmende.support.security.CurrentUser;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Invoice runs and their drafts, before anything is issued: the drafting step of a run adds one draft per member
 * (and per referred invoice for credit notes). Drafts can be looked at and issued; issued ones are final.
 */
@Component
public class Drafts {

    /** A run as it stands. */
    public record Run(UUID runId, RunKind kind, LocalDate periodFrom, LocalDate periodTo) {}

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;

    Drafts(JdbcTemplate jdbc, TransactionTemplate transaction, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.clock = clock;
    }

    public UUID startRun(RunKind kind, LocalDate periodFrom, LocalDate periodTo) {
        if (periodTo.isBefore(periodFrom)) {
            throw new DocumentRefused("period-ends-before-it-starts", periodTo + " is before " + periodFrom + ".");
        }
        var runId = UUID.randomUUID();
        jdbc.update(
                "insert into invoice_run (run_id, kind, period_from, period_to, created_at, created_by)"
                        + " values (?, ?, ?, ?, ?, ?)",
                runId,
                kind.name(),
                Date.valueOf(periodFrom),
                Date.valueOf(periodTo),
                Timestamp.from(clock.instant()),
                CurrentUser.name());
        return runId;
    }

    public Optional<Run> run(UUID runId) {
        return jdbc
                .query(
                        "select * from invoice_run where run_id = ?",
                        (row, i) -> new Run(
                                runId,
                                RunKind.valueOf(row.getString("kind")),
                                row.getDate("period_from").toLocalDate(),
                                row.getDate("period_to").toLocalDate()),
                        runId)
                .stream()
                .findFirst();
    }

    /** Adds a member's draft to a run; its lines must keep {@link DocumentLines#check}. Returns the draft id. */
    public UUID add(UUID runId, long memberNumber, DocumentType type, String refersToNumber, List<DocumentLine> lines) {
        var run = run(runId).orElseThrow(() -> new DocumentRefused("run-unknown", "There is no run " + runId + "."));
        if ((type == DocumentType.CREDIT_NOTE) != (refersToNumber != null)) {
            throw new DocumentRefused(
                    "credit-note-refers-to-an-invoice", "A credit note, and only a credit note, refers to an invoice.");
        }
        DocumentLines.check(type, lines);
        var draftId = UUID.randomUUID();
        transaction.executeWithoutResult(status -> insert(draftId, run, memberNumber, type, refersToNumber, lines));
        return draftId;
    }

    private void insert(
            UUID draftId,
            Run run,
            long memberNumber,
            DocumentType type,
            String refersToNumber,
            List<DocumentLine> lines) {
        jdbc.update(
                """
                insert into draft_document (draft_id, run_id, run_kind, period_from, period_to, document_type,
                    member_number, refers_to_number, status, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, 'DRAFT', ?)
                """,
                draftId,
                run.runId(),
                run.kind().name(),
                Date.valueOf(run.periodFrom()),
                Date.valueOf(run.periodTo()),
                type.name(),
                memberNumber,
                refersToNumber,
                Timestamp.from(clock.instant()));
        jdbc.batchUpdate(LineRows.insert("draft_line", "draft_id"), LineRows.of(draftId, lines));
    }

    List<DocumentLine> lines(UUID draftId) {
        return jdbc.query("select * from draft_line where draft_id = ? order by line_no", LineRows::read, draftId);
    }
}
