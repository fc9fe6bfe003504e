package org.allmende.billing.document;

import java.io.Serializable;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
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

    /** A run as it stands; {@code drafted} is false while its drafting is under way, or after it broke off. */
    public record Run(UUID runId, RunKind kind, LocalDate periodFrom, LocalDate periodTo, boolean drafted) {}

    /** A member's draft to be written with others of the same run ({@link #addAll}). */
    public record NewDraft(long memberNumber, DocumentType type, String refersToNumber, List<DocumentLine> lines) {}

    /** What {@link #addAll} wrote: the draft ids in the order given (null where refused), and the refusals. */
    public record Added(List<UUID> draftIds, List<Skipped> refused) {}

    /** A member the drafting left out, and why. */
    public record Skipped(long memberNumber, String rule, String reason) implements Serializable {}

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;

    Drafts(JdbcTemplate jdbc, TransactionTemplate transaction, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** A run whose drafts are added one by one ({@link #add}), each committed on its own: complete from the start. */
    public UUID startRun(RunKind kind, LocalDate periodFrom, LocalDate periodTo) {
        return insertRun(kind, periodFrom, periodTo, "DRAFTED");
    }

    /**
     * A run drafted in chunks ({@link #addAll}): it stays incomplete — shown so, and refused for issuing — until
     * {@link #complete} marks it drafted, in the transaction of its last chunk. A run whose drafting broke off is never
     * taken for a complete one (ADR 0023).
     */
    public UUID beginRun(RunKind kind, LocalDate periodFrom, LocalDate periodTo) {
        return insertRun(kind, periodFrom, periodTo, "DRAFTING");
    }

    private UUID insertRun(RunKind kind, LocalDate periodFrom, LocalDate periodTo, String status) {
        if (periodTo.isBefore(periodFrom)) {
            throw new DocumentRefused("period-ends-before-it-starts", periodTo + " is before " + periodFrom + ".");
        }
        var runId = UUID.randomUUID();
        jdbc.update(
                "insert into invoice_run (run_id, kind, period_from, period_to, created_at, created_by, status,"
                        + " drafted_at) values (?, ?, ?, ?, ?, ?, ?, ?)",
                runId,
                kind.name(),
                Date.valueOf(periodFrom),
                Date.valueOf(periodTo),
                Timestamp.from(clock.instant()),
                CurrentUser.name(),
                status,
                status.equals("DRAFTED") ? Timestamp.from(clock.instant()) : null);
        return runId;
    }

    /**
     * Marks a run begun by {@link #beginRun} drafted and keeps the members it left out, in the caller's transaction
     * (the one that writes the run's last chunk).
     */
    public void complete(UUID runId, List<Skipped> skipped) {
        if (!skipped.isEmpty()) {
            jdbc.update(con -> {
                var statement = con.prepareStatement(
                        """
                        insert into invoice_run_skipped (run_id, member_number, rule, reason)
                        select ?, m, r, left(t, 1000) from unnest(?::bigint[], ?::varchar[], ?::varchar[]) as x (m, r, t)
                        """);
                statement.setObject(1, runId);
                statement.setArray(2, con.createArrayOf("int8", column(skipped, Skipped::memberNumber)));
                statement.setArray(3, con.createArrayOf("varchar", column(skipped, Skipped::rule)));
                statement.setArray(4, con.createArrayOf("varchar", column(skipped, Skipped::reason)));
                return statement;
            });
        }
        var marked = jdbc.update(
                "update invoice_run set status = 'DRAFTED', drafted_at = ? where run_id = ? and status = 'DRAFTING'",
                Timestamp.from(clock.instant()),
                runId);
        if (marked != 1) {
            throw new IllegalStateException("run " + runId + " is not being drafted");
        }
    }

    /** The members a run left out, by member number. */
    public List<Skipped> skipped(UUID runId) {
        return jdbc.query(
                "select member_number, rule, reason from invoice_run_skipped where run_id = ? order by member_number",
                (row, i) -> new Skipped(row.getLong("member_number"), row.getString("rule"), row.getString("reason")),
                runId);
    }

    public Optional<Run> run(UUID runId) {
        return jdbc
                .query(
                        "select * from invoice_run where run_id = ?",
                        (row, i) -> new Run(
                                runId,
                                RunKind.valueOf(row.getString("kind")),
                                row.getDate("period_from").toLocalDate(),
                                row.getDate("period_to").toLocalDate(),
                                row.getString("status").equals("DRAFTED")),
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

    /**
     * Writes the drafts of many members of one run with two set-based statements (one for the drafts, one for all
     * their lines), in the caller's transaction — a few hundred members per transaction is what the invoice run
     * gives it. Each draft's lines are checked first ({@link DocumentLines#check}); a draft that breaks a rule is
     * not written and answered with its refusal, the others are written and answered with their ids. The chunk's usage
     * was read at {@code usagePositions} and {@code usageCountedAt} (null for none): the invoice issued from one of
     * its drafts counts usage of its period from a later position as late (ADR 0029).
     */
    public Added addAll(Run run, List<NewDraft> drafts, long[] usagePositions, Instant usageCountedAt) {
        var refused = new ArrayList<Skipped>();
        var ids = new ArrayList<UUID>();
        var kept = new ArrayList<NewDraft>();
        var given = new ArrayList<UUID>();
        for (var draft : drafts) {
            if ((draft.type() == DocumentType.CREDIT_NOTE) != (draft.refersToNumber() != null)) {
                refused.add(new Skipped(
                        draft.memberNumber(),
                        "credit-note-refers-to-an-invoice",
                        "A credit note, and only a credit note, refers to an invoice."));
                given.add(null);
                continue;
            }
            try {
                DocumentLines.check(draft.type(), draft.lines());
            } catch (DocumentRefused e) {
                refused.add(new Skipped(draft.memberNumber(), e.rule(), e.getMessage()));
                given.add(null);
                continue;
            }
            var id = UUID.randomUUID();
            ids.add(id);
            given.add(id);
            kept.add(draft);
        }
        if (kept.isEmpty()) {
            return new Added(given, refused);
        }
        var createdAt = Timestamp.from(clock.instant());
        jdbc.update(con -> {
            var statement = con.prepareStatement(
                    """
                    insert into draft_document (draft_id, run_id, run_kind, period_from, period_to, document_type,
                        member_number, refers_to_number, status, created_at, usage_positions, usage_counted_at)
                    select d, ?, ?, ?, ?, t, m, r, 'DRAFT', ?, ?::bigint[], ?
                    from unnest(?::uuid[], ?::varchar[], ?::bigint[], ?::varchar[]) as x (d, t, m, r)
                    """);
            statement.setObject(1, run.runId());
            statement.setString(2, run.kind().name());
            statement.setDate(3, Date.valueOf(run.periodFrom()));
            statement.setDate(4, Date.valueOf(run.periodTo()));
            statement.setTimestamp(5, createdAt);
            statement.setArray(
                    6,
                    usagePositions == null
                            ? null
                            : con.createArrayOf(
                                    "int8",
                                    java.util.Arrays.stream(usagePositions)
                                            .boxed()
                                            .toArray()));
            statement.setTimestamp(7, usageCountedAt == null ? null : Timestamp.from(usageCountedAt));
            statement.setArray(8, con.createArrayOf("uuid", ids.toArray()));
            statement.setArray(
                    9, con.createArrayOf("varchar", column(kept, d -> d.type().name())));
            statement.setArray(10, con.createArrayOf("int8", column(kept, NewDraft::memberNumber)));
            statement.setArray(11, con.createArrayOf("varchar", column(kept, NewDraft::refersToNumber)));
            return statement;
        });
        var rows = new ArrayList<Object[]>();
        for (int i = 0; i < kept.size(); i++) {
            rows.addAll(LineRows.of(ids.get(i), kept.get(i).lines()));
        }
        jdbc.update(con -> {
            var statement = con.prepareStatement(LineRows.insertAll("draft_line", "draft_id", "uuid"));
            LineRows.setColumns(con, statement, "uuid", rows);
            return statement;
        });
        return new Added(given, refused);
    }

    private static <T> Object[] column(List<T> rows, java.util.function.Function<T, Object> value) {
        return rows.stream().map(value).toArray();
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

    /** The lines of many drafts in one statement, by draft id. */
    java.util.Map<UUID, List<DocumentLine>> lines(List<UUID> draftIds) {
        var lines = new java.util.HashMap<UUID, List<DocumentLine>>();
        jdbc.query(
                con -> {
                    var statement = con.prepareStatement(
                            "select * from draft_line where draft_id = any(?) order by draft_id, line_no");
                    statement.setArray(1, con.createArrayOf("uuid", draftIds.toArray()));
                    return statement;
                },
                row -> {
                    lines.computeIfAbsent(row.getObject("draft_id", UUID.class), id -> new ArrayList<>())
                            .add(LineRows.read(row, 0));
                });
        return lines;
    }

    List<DocumentLine> lines(UUID draftId) {
        return jdbc.query("select * from draft_line where draft_id = ? order by line_no", LineRows::read, draftId);
    }
}
