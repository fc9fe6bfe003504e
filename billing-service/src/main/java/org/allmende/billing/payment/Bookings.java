package org.allmende.billing.payment;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Every booking on a member's account happens here, one method per kind of fact — the one place where billing's
 * event (payment received, payment allocated, dunning level reached, direct debit submitted or returned) is to be
 * appended once billing's event store exists. Callers hold the account's lock ({@link #lockAccount}) and run in
 * one transaction with whatever else the booking changes.
 */
@Component
class Bookings {

    /** The first key of the advisory locks on member accounts; the second is the member number. */
    private static final int ACCOUNT_LOCK = 2106;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    Bookings(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Serialises bookings on one member's account until the transaction ends. */
    void lockAccount(long memberNumber) {
        jdbc.queryForList("select pg_advisory_xact_lock(?, ?)", ACCOUNT_LOCK, (int) memberNumber);
    }

    /** Locks the accounts of many members in one statement, in member order, so two callers never deadlock. */
    void lockAccounts(java.util.Collection<Long> memberNumbers) {
        jdbc.query(
                con -> {
                    var statement = con.prepareStatement(
                            "select pg_advisory_xact_lock(?, m::int) from (select distinct unnest(?::int8[]) as m"
                                    + " order by m) as x");
                    statement.setInt(1, ACCOUNT_LOCK);
                    statement.setArray(2, con.createArrayOf("int8", memberNumbers.toArray()));
                    return statement;
                },
                row -> {});
    }

    /**
     * Many issued documents enter the ledger in one statement; answers the ids of those entered, by document
     * number (a number there already is left out, as {@link #openItemAdded} does).
     */
    java.util.Map<String, Long> openItemsAdded(java.util.List<NewOpenItem> items) {
        var ids = new java.util.HashMap<String, Long>();
        var recordedAt = now();
        jdbc.query(
                con -> {
                    var statement = con.prepareStatement(
                            """
                            insert into open_item (member_number, document_number, document_type, refers_to,
                                issued_on, due_on, currency, amount_gross, open_amount, recorded_at)
                            select m, n, t, r, i, d, c, a, a, ?
                            from unnest(?::int8[], ?::varchar[], ?::varchar[], ?::varchar[], ?::date[], ?::date[],
                                ?::varchar[], ?::numeric[]) as x (m, n, t, r, i, d, c, a)
                            on conflict (document_number) do nothing
                            returning document_number, id
                            """);
                    statement.setTimestamp(1, recordedAt);
                    statement.setArray(2, array(con, "int8", items, NewOpenItem::memberNumber));
                    statement.setArray(3, array(con, "varchar", items, NewOpenItem::documentNumber));
                    statement.setArray(
                            4, array(con, "varchar", items, i -> i.type().name()));
                    statement.setArray(5, array(con, "varchar", items, NewOpenItem::refersTo));
                    statement.setArray(6, array(con, "date", items, i -> Date.valueOf(i.issuedOn())));
                    statement.setArray(7, array(con, "date", items, i -> Date.valueOf(i.dueOn())));
                    statement.setArray(8, array(con, "varchar", items, NewOpenItem::currency));
                    statement.setArray(9, array(con, "numeric", items, NewOpenItem::signedAmount));
                    return statement;
                },
                row -> {
                    ids.put(row.getString("document_number"), row.getLong("id"));
                });
        return ids;
    }

    private static java.sql.Array array(
            java.sql.Connection con,
            String type,
            java.util.List<NewOpenItem> items,
            java.util.function.Function<NewOpenItem, Object> value)
            throws java.sql.SQLException {
        return con.createArrayOf(type, items.stream().map(value).toArray());
    }

    /**
     * An issued document enters the ledger, open for its whole amount; empty if its number is there already. (Its
     * event is the document's own, e.g. InvoiceIssued; the ledger adds none.)
     */
    Optional<Long> openItemAdded(NewOpenItem item) {
        var ids = jdbc.queryForList(
                """
                insert into open_item (member_number, document_number, document_type, refers_to, issued_on, due_on,
                    currency, amount_gross, open_amount, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (document_number) do nothing
                returning id
                """,
                Long.class,
                item.memberNumber(),
                item.documentNumber(),
                item.type().name(),
                item.refersTo(),
                Date.valueOf(item.issuedOn()),
                Date.valueOf(item.dueOn()),
                item.currency(),
                item.signedAmount(),
                item.signedAmount(),
                now());
        return ids.stream().findFirst();
    }

    /** PaymentReceived: money came in; empty if a payment with its bank reference was recorded before. */
    Optional<Long> paymentReceived(IncomingPayment payment, Long statementImportId, Long memberHint, String by) {
        var ids = jdbc.queryForList(
                """
                insert into payment (bank_reference, kind, source, statement_import_id, amount, currency, booked_on,
                    value_date, remittance_text, end_to_end_id, mandate_reference, debtor_name, debtor_iban,
                    member_hint, unallocated, recorded_at, recorded_by)
                values (?, 'RECEIVED', ?, ?, ?, 'EUR', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (bank_reference) do nothing
                returning id
                """,
                Long.class,
                payment.bankReference(),
                payment.source().name(),
                statementImportId,
                payment.amount(),
                Date.valueOf(payment.bookedOn()),
                payment.valueDate() == null ? null : Date.valueOf(payment.valueDate()),
                payment.remittanceText(),
                payment.endToEndId(),
                payment.mandateReference(),
                payment.debtorName(),
                payment.debtorIban(),
                memberHint,
                payment.amount(),
                now(),
                by);
        return ids.stream().findFirst();
    }

    /** A payment found its member's account: matched on receipt, or assigned by finance. */
    void paymentBooked(long paymentId, long memberNumber, MatchedBy how, String by) {
        var assigned = how == MatchedBy.ASSIGNED;
        var updated = jdbc.update(
                """
                update payment set member_number = ?, matched_by = ?, assigned_at = ?, assigned_by = ?
                where id = ? and member_number is null
                """,
                memberNumber,
                how.name(),
                assigned ? now() : null,
                assigned ? by : null,
                paymentId);
        if (updated != 1) {
            throw new IllegalStateException("payment " + paymentId + " is booked already");
        }
    }

    /**
     * Money applied to an open item: part of a payment ({@code paymentId}), a credit note's credit
     * ({@code creditItemId}), or — negative — a return taking back what a collection had paid.
     */
    void allocated(long itemId, Long paymentId, Long creditItemId, BigDecimal amount, LocalDate on) {
        reduceOpen(itemId, amount);
        if (paymentId != null && amount.signum() > 0) {
            if (jdbc.update(
                            "update payment set unallocated = unallocated - ? where id = ? and unallocated >= ?",
                            amount,
                            paymentId,
                            amount)
                    != 1) {
                throw new IllegalStateException("payment " + paymentId + " has not " + amount + " left");
            }
        }
        if (creditItemId != null
                && jdbc.update(
                                "update open_item set open_amount = open_amount + ? where id = ? and open_amount + ? <= 0",
                                amount,
                                creditItemId,
                                amount)
                        != 1) {
            throw new IllegalStateException("credit note " + creditItemId + " has not " + amount + " left");
        }
        insertAllocation(itemId, paymentId, creditItemId, null, amount, on);
    }

    /** PayoutMade (in part): capital owed to the member set off against one of its open items (§73 GenG). */
    void setOffAgainstPayout(long itemId, java.util.UUID payoutId, BigDecimal amount, LocalDate on) {
        reduceOpen(itemId, amount);
        insertAllocation(itemId, null, null, payoutId, amount, on);
    }

    private void reduceOpen(long itemId, BigDecimal amount) {
        var item = jdbc.update(
                """
                update open_item set open_amount = open_amount - ?
                where id = ? and open_amount - ? between least(amount_gross, 0) and greatest(amount_gross, 0)
                """,
                amount,
                itemId,
                amount);
        if (item != 1) {
            throw new IllegalStateException("item " + itemId + " cannot take " + amount);
        }
    }

    private void insertAllocation(
            long itemId, Long paymentId, Long creditItemId, java.util.UUID payoutId, BigDecimal amount, LocalDate on) {
        jdbc.update(
                """
                insert into allocation (open_item_id, payment_id, credit_item_id, payout_id, amount, allocated_on,
                    recorded_at)
                values (?, ?, ?, ?, ?, ?, ?)
                """,
                itemId,
                paymentId,
                creditItemId,
                payoutId,
                amount,
                Date.valueOf(on),
                now());
    }

    /**
     * DunningLevelReached: the item reached {@code level}; false if it had reached it before (the primary key
     * keeps each level once per item, whatever runs concurrently).
     */
    boolean dunningLevelReached(
            long itemId, int level, long runId, LocalDate on, BigDecimal openAmount, BigDecimal fee, Long feeItemId) {
        var inserted = jdbc.update(
                """
                insert into dunning_notice (open_item_id, level, run_id, noticed_on, open_amount, fee, fee_item_id)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (open_item_id, level) do nothing
                """,
                itemId,
                level,
                runId,
                Date.valueOf(on),
                openAmount,
                fee,
                feeItemId);
        if (inserted == 0) {
            return false;
        }
        jdbc.update(
                "update open_item set dunning_level = ?, last_dunned_on = ? where id = ? and dunning_level < ?",
                level,
                Date.valueOf(on),
                itemId,
                level);
        return true;
    }

    /** DirectDebitSubmitted: an item goes out for collection in a file; false if a collection of it stands. */
    boolean collectionSubmitted(
            long fileId,
            long itemId,
            long mandateId,
            String endToEndId,
            String paymentInformationId,
            String sequenceType,
            BigDecimal amount) {
        return jdbc.update(
                        """
                        insert into direct_debit_collection (file_id, open_item_id, mandate_id, end_to_end_id,
                            payment_information_id, sequence_type, amount)
                        values (?, ?, ?, ?, ?, ?, ?)
                        on conflict (open_item_id) where status = 'SUBMITTED' do nothing
                        """,
                        fileId,
                        itemId,
                        mandateId,
                        endToEndId,
                        paymentInformationId,
                        sequenceType,
                        amount)
                == 1;
    }

    /**
     * DirectDebitReturned: the debtor's bank gave a collection back. Recorded as a payment of its own (kind
     * RETURN, negative) under the bank's reference, so the same return reported twice is booked once; empty then.
     * The collection no longer stands, so the item may be collected again.
     */
    Optional<Long> collectionReturned(
            long collectionId,
            String bankReference,
            PaymentSourceAndImport source,
            BigDecimal amount,
            LocalDate returnedOn,
            String reason,
            String endToEndId,
            String by) {
        var ids = jdbc.queryForList(
                """
                insert into payment (bank_reference, kind, source, statement_import_id, amount, currency, booked_on,
                    end_to_end_id, return_reason, unallocated, recorded_at, recorded_by)
                values (?, 'RETURN', ?, ?, ?, 'EUR', ?, ?, ?, 0, ?, ?)
                on conflict (bank_reference) do nothing
                returning id
                """,
                Long.class,
                bankReference,
                source.source().name(),
                source.statementImportId(),
                amount.negate(),
                Date.valueOf(returnedOn),
                endToEndId,
                reason,
                now(),
                by);
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        jdbc.update(
                """
                update direct_debit_collection set status = 'RETURNED', returned_on = ?, return_reason = ?
                where id = ? and status = 'SUBMITTED'
                """,
                Date.valueOf(returnedOn),
                reason,
                collectionId);
        return ids.stream().findFirst();
    }

    /** Where a return was reported: finance by hand, or a statement import. */
    record PaymentSourceAndImport(IncomingPayment.PaymentSource source, Long statementImportId) {}

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}
