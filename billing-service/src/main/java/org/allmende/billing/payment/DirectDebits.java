package org.allmende.billing.payment;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.allmende.support.web.InvalidField;
import org.allmende.support.web.NotFound;
import org.allmende.support.web.RuleViolation;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * SEPA direct debits: a pain.008 file for the open items due by a collection date of members with a valid
 * mandate, each item collected once (a standing collection keeps it out of the next file); a return frees it.
 */
@Component
public class DirectDebits {

    /** The first key of the advisory lock that lets one file be made at a time. */
    private static final int FILE_LOCK = 2107;

    /** What became of a reported return. */
    public record Returned(String status, Long paymentId, Long memberNumber, String documentNumber) {
        static Returned notOurs() {
            return new Returned("IGNORED", null, null, null);
        }

        static Returned duplicate(Long memberNumber, String documentNumber) {
            return new Returned("DUPLICATE", null, memberNumber, documentNumber);
        }
    }

    private record Candidate(
            long itemId,
            long memberNumber,
            String documentNumber,
            BigDecimal amount,
            long mandateId,
            String mandateReference,
            LocalDate signedOn,
            String debtorName,
            String iban,
            String bic,
            boolean standing,
            int attempts) {}

    private final JdbcTemplate jdbc;
    private final Bookings bookings;
    private final Settlement settlement;
    private final AccountFacts facts;
    private final CreditorProperties creditor;
    private final DirectDebitProperties properties;
    private final Clock clock;

    DirectDebits(
            JdbcTemplate jdbc,
            Bookings bookings,
            Settlement settlement,
            AccountFacts facts,
            CreditorProperties creditor,
            DirectDebitProperties properties,
            Clock clock) {
        this.jdbc = jdbc;
        this.bookings = bookings;
        this.settlement = settlement;
        this.facts = facts;
        this.creditor = creditor;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * A pain.008 file collecting on {@code collectionDate} every open item due by then of the members whose mandate
     * is valid (active, signed, used within the lapse period) and that no standing collection takes already.
     */
    @Transactional
    public DirectDebitFileView create(LocalDate collectionDate, String by) {
        var today = LocalDate.now(clock);
        if (!collectionDate.isAfter(today)) {
            throw new InvalidField("collectionDate", "after-today", "must be after today (" + today + ")");
        }
        if (!creditor.configured()) {
            throw new RuleViolation(
                    "creditor-not-configured",
                    "No SEPA creditor identifier is configured (allmende.seller.creditor-id).");
        }
        jdbc.queryForList("select pg_advisory_xact_lock(?, 0)", FILE_LOCK);
        var candidates = jdbc.query(
                """
                select i.id, i.member_number, i.document_number, i.open_amount, m.id as mandate_id, m.reference,
                    m.signed_on, m.debtor_name, m.iban, m.bic,
                    exists (select 1 from direct_debit_collection c
                            where c.mandate_id = m.id and c.status = 'SUBMITTED') as standing,
                    (select count(*) from direct_debit_collection c where c.open_item_id = i.id) as attempts
                from open_item i
                join sepa_mandate m on m.member_number = i.member_number and m.ended_on is null and m.signed_on <= ?
                where i.open_amount > 0 and i.due_on <= ?
                  and not exists (select 1 from direct_debit_collection c
                                  where c.open_item_id = i.id and c.status = 'SUBMITTED')
                  and coalesce((select max(f.collection_date) from direct_debit_collection c
                                join direct_debit_file f on f.id = c.file_id where c.mandate_id = m.id), m.signed_on)
                      > ?::date - make_interval(months => ?)
                order by i.member_number, i.due_on, i.id
                for update of i
                """,
                DirectDebits::candidate,
                Date.valueOf(today),
                Date.valueOf(collectionDate),
                Date.valueOf(collectionDate),
                properties.mandateLapsesAfterMonths());
        if (candidates.isEmpty()) {
            throw new RuleViolation(
                    "nothing-to-collect", "No open item due by " + collectionDate + " has a member with a mandate.");
        }
        var fileId = jdbc.queryForObject("select nextval('direct_debit_file_id_seq')", Long.class);
        var createdAt = OffsetDateTime.now(clock);
        var messageId = "ALLMENDE-DD-"
                + createdAt.format(DateTimeFormatter.BASIC_ISO_DATE).substring(0, 8) + "-" + fileId;
        var batches = new LinkedHashMap<String, List<Candidate>>();
        for (var candidate : candidates) {
            batches.computeIfAbsent(candidate.standing() ? "RCUR" : "FRST", type -> new ArrayList<>())
                    .add(candidate);
        }
        var written = new ArrayList<Pain008.Batch>();
        batches.forEach((sequenceType, collections) -> written.add(new Pain008.Batch(
                messageId + "-" + sequenceType,
                sequenceType,
                collections.stream().map(DirectDebits::collection).toList())));
        var document =
                Pain008.write(messageId, createdAt, collectionDate, properties.localInstrument(), creditor, written);
        var sum = written.stream().map(Pain008.Batch::sum).reduce(BigDecimal.ZERO, BigDecimal::add);
        jdbc.update(
                """
                insert into direct_debit_file (id, message_id, collection_date, creditor_id, number_of_transactions,
                    control_sum, document, created_at, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                fileId,
                messageId,
                Date.valueOf(collectionDate),
                creditor.creditorId(),
                candidates.size(),
                sum,
                document,
                Timestamp.from(clock.instant()),
                by);
        for (var batch : written) {
            for (var collection : batch.collections()) {
                var candidate = candidates.stream()
                        .filter(c -> endToEndId(c).equals(collection.endToEndId()))
                        .findFirst()
                        .orElseThrow();
                if (!bookings.collectionSubmitted(
                        fileId,
                        candidate.itemId(),
                        candidate.mandateId(),
                        collection.endToEndId(),
                        batch.paymentInformationId(),
                        batch.sequenceType(),
                        collection.amount())) {
                    throw new IllegalStateException(candidate.documentNumber() + " is collected already");
                }
            }
        }
        return file(fileId);
    }

    /**
     * The debtor's bank gave a collection back (reported by a statement or entered by finance): the collection no
     * longer stands, and what its credit had paid is open again. A return reported twice is booked once.
     */
    Returned returned(
            String endToEndId,
            String bankReference,
            BigDecimal bankAmount,
            LocalDate returnedOn,
            String reason,
            Bookings.PaymentSourceAndImport source,
            String by) {
        var collection = jdbc
                .query(
                        """
                        select c.id, c.status, c.open_item_id, c.amount, i.member_number, i.document_number
                        from direct_debit_collection c join open_item i on i.id = c.open_item_id
                        where c.end_to_end_id = ?
                        for update of c
                        """,
                        (row, i) -> new Object[] {
                            row.getLong("id"),
                            row.getString("status"),
                            row.getLong("open_item_id"),
                            row.getBigDecimal("amount"),
                            row.getLong("member_number"),
                            row.getString("document_number")
                        },
                        endToEndId)
                .stream()
                .findFirst();
        if (collection.isEmpty()) {
            return Returned.notOurs();
        }
        var c = collection.get();
        var member = (Long) c[4];
        var document = (String) c[5];
        if ("RETURNED".equals(c[1])) {
            return Returned.duplicate(member, document);
        }
        bookings.lockAccount(member);
        var itemId = (Long) c[2];
        var credited = jdbc.queryForObject(
                """
                select coalesce(sum(a.amount), 0) from allocation a join payment p on p.id = a.payment_id
                where p.kind = 'RECEIVED' and p.end_to_end_id = ? and a.open_item_id = ?
                """,
                BigDecimal.class,
                endToEndId,
                itemId);
        var amount = credited.signum() > 0 ? credited : (bankAmount == null ? (BigDecimal) c[3] : bankAmount);
        var paymentId = bookings.collectionReturned(
                (Long) c[0], bankReference, source, amount, returnedOn, reason, endToEndId, by);
        if (paymentId.isEmpty()) {
            return Returned.duplicate(member, document);
        }
        if (credited.signum() > 0) {
            bookings.paymentBooked(paymentId.get(), member, MatchedBy.DIRECT_DEBIT, by);
            bookings.allocated(itemId, paymentId.get(), null, credited.negate(), returnedOn);
            settlement.settle(member, LocalDate.now(clock));
            facts.allocationsMade(member, AccountFacts.DIRECT_DEBIT_RETURNED);
        }
        return new Returned("RETURNED", paymentId.get(), credited.signum() > 0 ? member : null, document);
    }

    /** Finance enters a return the bank told it about (the statement reporting it later is then a duplicate). */
    @Transactional
    public Returned enterReturn(String endToEndId, LocalDate returnedOn, String reason, String by) {
        if (returnedOn.isAfter(LocalDate.now(clock))) {
            throw new InvalidField("returnedOn", "not-in-future", "must not be after today");
        }
        var result = returned(
                endToEndId,
                "RETURN/" + endToEndId,
                null,
                returnedOn,
                reason,
                new Bookings.PaymentSourceAndImport(IncomingPayment.PaymentSource.MANUAL, null),
                by);
        if ("IGNORED".equals(result.status())) {
            throw new NotFound("No direct debit collection " + endToEndId + ".");
        }
        return result;
    }

    public List<DirectDebitFileView> files() {
        return jdbc.queryForList("select id from direct_debit_file order by id desc", Long.class).stream()
                .map(this::file)
                .toList();
    }

    public DirectDebitFileView file(long id) {
        var collections = jdbc.query(
                """
                select i.member_number, i.document_number, m.reference, c.sequence_type, c.end_to_end_id, c.amount,
                    c.status, c.returned_on, c.return_reason
                from direct_debit_collection c
                join open_item i on i.id = c.open_item_id join sepa_mandate m on m.id = c.mandate_id
                where c.file_id = ? order by c.id
                """,
                (row, i) -> {
                    var returned = row.getDate("returned_on");
                    return new DirectDebitFileView.CollectionView(
                            row.getLong("member_number"),
                            row.getString("document_number"),
                            row.getString("reference"),
                            row.getString("sequence_type"),
                            row.getString("end_to_end_id"),
                            row.getBigDecimal("amount"),
                            row.getString("status"),
                            returned == null ? null : returned.toLocalDate(),
                            row.getString("return_reason"));
                },
                id);
        return jdbc
                .query(
                        "select * from direct_debit_file where id = ?",
                        (row, i) -> new DirectDebitFileView(
                                row.getLong("id"),
                                row.getString("message_id"),
                                row.getDate("collection_date").toLocalDate(),
                                row.getString("creditor_id"),
                                row.getInt("number_of_transactions"),
                                row.getBigDecimal("control_sum"),
                                row.getTimestamp("created_at").toInstant(),
                                row.getString("created_by"),
                                collections),
                        id)
                .stream()
                .findFirst()
                .orElseThrow(() -> new NotFound("No direct debit file " + id + "."));
    }

    /** The pain.008 document of a file, exactly as it was made. */
    public Optional<String> document(long id) {
        return jdbc.queryForList("select document from direct_debit_file where id = ?", String.class, id).stream()
                .findFirst();
    }

    private static Pain008.Collection collection(Candidate candidate) {
        return new Pain008.Collection(
                endToEndId(candidate),
                candidate.amount(),
                candidate.mandateReference(),
                candidate.signedOn(),
                candidate.debtorName(),
                candidate.iban(),
                candidate.bic(),
                candidate.documentNumber() + " Mitglied " + candidate.memberNumber());
    }

    /**
     * The document number and the attempt ({@code RE-2026-000123-1}): it names the item in the bank's statement,
     * and a collection again after a return gets a new one. Numbers too long for 35 characters use the item's id.
     */
    private static String endToEndId(Candidate candidate) {
        var attempt = "-" + (candidate.attempts() + 1);
        var byNumber = candidate.documentNumber() + attempt;
        return byNumber.length() <= 35 && byNumber.matches("[A-Za-z0-9+?/\\-:().,']+")
                ? byNumber
                : "ITEM-" + candidate.itemId() + attempt;
    }

    private static Candidate candidate(ResultSet row, int index) throws SQLException {
        return new Candidate(
                row.getLong("id"),
                row.getLong("member_number"),
                row.getString("document_number"),
                row.getBigDecimal("open_amount"),
                row.getLong("mandate_id"),
                row.getString("reference"),
                row.getDate("signed_on").toLocalDate(),
                row.getString("debtor_name"),
                row.getString("iban"),
                row.getString("bic"),
                row.getBoolean("standing"),
                row.getInt("attempts"));
    }
}
