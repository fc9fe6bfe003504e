package org.allmende.billing.document;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import org.allmende.events.billing.VatRegime;
import org.allmende.events.billing.VatSubtotal;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The issued documents as finance and members read them, projected from billing's event store by the
 * {@value #PROCESSOR} tracking processor. Writing a document again changes nothing; a reset empties the tables and
 * the replay writes them again from the events — it never takes a number or appends an event (ADR 0019).
 */
@Component
@ProcessingGroup(IssuedDocuments.PROCESSOR)
public class IssuedDocuments {

    public static final String PROCESSOR = "documents";

    /** A document in a list. */
    public record DocumentSummary(
            String number,
            DocumentType type,
            long memberNumber,
            String buyerName,
            LocalDate periodFrom,
            LocalDate periodTo,
            LocalDate issuedOn,
            LocalDate dueOn,
            String refersToNumber,
            String currency,
            BigDecimal netTotal,
            BigDecimal vatTotal,
            BigDecimal grossTotal) {}

    private final JdbcTemplate jdbc;

    IssuedDocuments(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(DocumentIssued issued, EventMessage<?> message) {
        var buyer = issued.buyer();
        var debit = issued.directDebit();
        var inserted = jdbc.update(
                """
                insert into issued_document (document_id, number, document_type, run_id, run_kind, member_id,
                    member_number, buyer_name, street, postal_code, city, country, leitweg_id, period_from,
                    period_to, issued_on, due_on, refers_to_number, currency, net_total, vat_total, gross_total,
                    event_id, recorded_at, mandate_reference, creditor_id, debited_iban, debtor_name)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (document_id) do nothing
                """,
                issued.documentId(),
                issued.number(),
                issued.type().name(),
                issued.runId(),
                issued.runKind().name(),
                buyer.memberId(),
                buyer.memberNumber(),
                buyer.name(),
                buyer.street(),
                buyer.postalCode(),
                buyer.city(),
                buyer.country(),
                buyer.leitwegId(),
                Date.valueOf(issued.periodFrom()),
                Date.valueOf(issued.periodTo()),
                Date.valueOf(issued.issuedOn()),
                issued.dueOn() == null ? null : Date.valueOf(issued.dueOn()),
                issued.refersToNumber(),
                issued.currency(),
                issued.netTotal(),
                issued.vatTotal(),
                issued.grossTotal(),
                message.getIdentifier(),
                Timestamp.from(message.getTimestamp()),
                debit == null ? null : debit.mandateReference(),
                debit == null ? null : debit.creditorId(),
                debit == null ? null : debit.debitedIban(),
                debit == null ? null : debit.debtorName());
        if (inserted == 0) {
            return;
        }
        jdbc.batchUpdate(
                "insert into issued_vat_subtotal (document_id, subtotal_no, regime, rate_percent, net, vat, gross)"
                        + " values (?, ?, ?, ?, ?, ?, ?)",
                IntStream.range(0, issued.vatSubtotals().size())
                        .mapToObj(i -> {
                            var s = issued.vatSubtotals().get(i);
                            return new Object[] {
                                issued.documentId(),
                                i + 1,
                                s.regime().name(),
                                s.ratePercent(),
                                s.net(),
                                s.vat(),
                                s.gross()
                            };
                        })
                        .toList());
        jdbc.batchUpdate(
                LineRows.insert("issued_line", "document_id"), LineRows.of(issued.documentId(), issued.lines()));
    }

    @ResetHandler
    void reset() {
        jdbc.update("truncate issued_line, issued_vat_subtotal, issued_document");
    }

    /** Documents, newest first; of one member and of one type where given. */
    public List<DocumentSummary> list(Optional<Long> memberNumber, Optional<DocumentType> type) {
        return jdbc.query(
                """
                select * from issued_document
                where (cast(? as bigint) is null or member_number = ?)
                    and (cast(? as varchar) is null or document_type = ?)
                order by issued_on desc, number desc
                """,
                IssuedDocuments::summary,
                memberNumber.orElse(null),
                memberNumber.orElse(null),
                type.map(Enum::name).orElse(null),
                type.map(Enum::name).orElse(null));
    }

    /** A document with everything on it, as it was issued. */
    public Optional<DocumentIssued> byNumber(String number) {
        return jdbc.query("select * from issued_document where number = ?", this::view, number).stream()
                .findFirst();
    }

    private DocumentIssued view(ResultSet row, int i) throws SQLException {
        var documentId = row.getObject("document_id", UUID.class);
        var lines = jdbc.query(
                "select * from issued_line where document_id = ? order by line_no", LineRows::read, documentId);
        var subtotals = jdbc.query(
                "select * from issued_vat_subtotal where document_id = ? order by subtotal_no",
                (s, j) -> new VatSubtotal(
                        VatRegime.valueOf(s.getString("regime")),
                        s.getBigDecimal("rate_percent"),
                        s.getBigDecimal("net"),
                        s.getBigDecimal("vat"),
                        s.getBigDecimal("gross")),
                documentId);
        return new DocumentIssued(
                documentId,
                DocumentType.valueOf(row.getString("document_type")),
                row.getString("number"),
                row.getObject("run_id", UUID.class),
                RunKind.valueOf(row.getString("run_kind")),
                new Buyer(
                        row.getObject("member_id", UUID.class),
                        row.getLong("member_number"),
                        row.getString("buyer_name"),
                        row.getString("street"),
                        row.getString("postal_code"),
                        row.getString("city"),
                        row.getString("country"),
                        row.getString("leitweg_id")),
                row.getDate("period_from").toLocalDate(),
                row.getDate("period_to").toLocalDate(),
                row.getDate("issued_on").toLocalDate(),
                date(row, "due_on"),
                row.getString("refers_to_number"),
                row.getString("currency"),
                lines,
                subtotals,
                row.getBigDecimal("net_total"),
                row.getBigDecimal("vat_total"),
                row.getBigDecimal("gross_total"),
                row.getString("mandate_reference") == null
                        ? null
                        : new DirectDebitAtIssue(
                                row.getString("mandate_reference"),
                                row.getString("creditor_id"),
                                row.getString("debited_iban"),
                                row.getString("debtor_name")));
    }

    private static DocumentSummary summary(ResultSet row, int i) throws SQLException {
        return new DocumentSummary(
                row.getString("number"),
                DocumentType.valueOf(row.getString("document_type")),
                row.getLong("member_number"),
                row.getString("buyer_name"),
                row.getDate("period_from").toLocalDate(),
                row.getDate("period_to").toLocalDate(),
                row.getDate("issued_on").toLocalDate(),
                date(row, "due_on"),
                row.getString("refers_to_number"),
                row.getString("currency"),
                row.getBigDecimal("net_total"),
                row.getBigDecimal("vat_total"),
                row.getBigDecimal("gross_total"));
    }

    private static LocalDate date(ResultSet row, String column) throws SQLException {
        var date = row.getDate(column);
        return date == null ? null : date.toLocalDate();
    }
}
