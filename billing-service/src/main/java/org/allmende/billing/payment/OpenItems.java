package org.allmende.billing.payment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The open-items ledger: what each member owes or is owed, document by document. Issuing a document adds it
 * ({@link #add}); payments, credit notes, dunning fees and direct debits change what is open.
 */
@Component
public class OpenItems {

    static final String VIEW_COLUMNS =
            """
            i.id, i.member_number, i.document_number, i.document_type, i.refers_to, i.issued_on, i.due_on,
            i.currency, i.amount_gross, i.open_amount, i.dunning_level, i.last_dunned_on,
            (select c.status from direct_debit_collection c where c.open_item_id = i.id and c.status = 'SUBMITTED')
                as collection
            """;

    private final JdbcTemplate jdbc;
    private final Bookings bookings;
    private final Settlement settlement;
    private final AccountFacts facts;
    private final Clock clock;

    OpenItems(JdbcTemplate jdbc, Bookings bookings, Settlement settlement, AccountFacts facts, Clock clock) {
        this.facts = facts;
        this.jdbc = jdbc;
        this.bookings = bookings;
        this.settlement = settlement;
        this.clock = clock;
    }

    /**
     * An issued document becomes an open item of its member, in the caller's transaction if there is one (call it
     * in the transaction that issues the document). Adding the same document again changes nothing and answers
     * the item as it stands; a different document under a number already used is refused. A credit note is set
     * off against the invoice it refers to first, then, like any credit the member has (an over-payment), against
     * the member's oldest open items.
     */
    @Transactional
    public OpenItemView add(NewOpenItem item) {
        bookings.lockAccount(item.memberNumber());
        var added = bookings.openItemAdded(item);
        if (added.isEmpty()) {
            var existing = byDocumentNumber(item.documentNumber()).orElseThrow();
            if (existing.memberNumber() != item.memberNumber()
                    || existing.type() != item.type()
                    || existing.amount().compareTo(item.signedAmount()) != 0
                    || !existing.issuedOn().equals(item.issuedOn())
                    || !existing.dueOn().equals(item.dueOn())) {
                throw new IllegalStateException("document number " + item.documentNumber()
                        + " is an open item already, of another document: " + existing);
            }
            return existing;
        }
        var today = LocalDate.now(clock);
        if (item.type() == OpenItemType.CREDIT_NOTE && item.refersTo() != null) {
            offsetAgainstInvoice(added.get(), item, today);
        }
        settlement.settle(item.memberNumber(), today);
        facts.allocationsMade(item.memberNumber(), AccountFacts.CREDIT_APPLIED);
        return byDocumentNumber(item.documentNumber()).orElseThrow();
    }

    /**
     * {@link #add} for many documents issued in one transaction (the issue of a run's drafts): the accounts are
     * locked in member order and the items written in one statement; a credit note is set off against its invoice
     * as {@link #add} does, and the members' credits are set off afterwards — only for members that have any (for
     * the others {@link Settlement#settle} would find nothing), in one query.
     */
    @Transactional
    public void addAll(List<NewOpenItem> items) {
        if (items.isEmpty()) {
            return;
        }
        var members = items.stream().map(NewOpenItem::memberNumber).toList();
        bookings.lockAccounts(members);
        var added = bookings.openItemsAdded(items);
        var today = LocalDate.now(clock);
        for (var item : items) {
            var id = added.get(item.documentNumber());
            if (id == null) {
                add(item); // there already: add checks that it is the same document and changes nothing
            } else if (item.type() == OpenItemType.CREDIT_NOTE && item.refersTo() != null) {
                offsetAgainstInvoice(id, item, today);
            }
        }
        var withCredit = jdbc.query(
                con -> {
                    var statement = con.prepareStatement(
                            """
                            select member_number from payment
                            where member_number = any(?) and kind = 'RECEIVED' and unallocated > 0
                            union
                            select member_number from open_item
                            where member_number = any(?) and document_type = 'CREDIT_NOTE' and open_amount < 0
                            order by member_number
                            """);
                    var array = con.createArrayOf("int8", members.toArray());
                    statement.setArray(1, array);
                    statement.setArray(2, array);
                    return statement;
                },
                (row, i) -> row.getLong("member_number"));
        withCredit.forEach(member -> settlement.settle(member, today));
    }

    private void offsetAgainstInvoice(long creditNoteId, NewOpenItem creditNote, LocalDate today) {
        var invoice = jdbc.query(
                """
                select i.id, i.open_amount, i.document_type from open_item i
                where i.document_number = ? and i.member_number = ? and i.open_amount > 0
                  and not exists (select 1 from direct_debit_collection c
                                  where c.open_item_id = i.id and c.status = 'SUBMITTED')
                """,
                Settlement::debit,
                creditNote.refersTo(),
                creditNote.memberNumber());
        for (var open : invoice) {
            var amount = open.open().min(creditNote.grossAmount());
            if (amount.signum() > 0) {
                bookings.allocated(open.id(), null, creditNoteId, amount, today);
            }
        }
    }

    public Optional<OpenItemView> byDocumentNumber(String documentNumber) {
        return jdbc
                .query(
                        "select " + VIEW_COLUMNS + " from open_item i where i.document_number = ?",
                        OpenItems::view,
                        documentNumber)
                .stream()
                .findFirst();
    }

    /** All items of a member, open or settled, in the order they were issued. */
    public List<OpenItemView> ofMember(long memberNumber) {
        return jdbc.query(
                "select " + VIEW_COLUMNS + " from open_item i where i.member_number = ? order by i.issued_on, i.id",
                OpenItems::view,
                memberNumber);
    }

    static OpenItemView view(ResultSet row, int index) throws SQLException {
        var lastDunned = row.getDate("last_dunned_on");
        return new OpenItemView(
                row.getLong("member_number"),
                row.getString("document_number"),
                OpenItemType.valueOf(row.getString("document_type")),
                row.getString("refers_to"),
                row.getDate("issued_on").toLocalDate(),
                row.getDate("due_on").toLocalDate(),
                row.getString("currency"),
                row.getBigDecimal("amount_gross"),
                row.getBigDecimal("open_amount"),
                row.getInt("dunning_level"),
                lastDunned == null ? null : lastDunned.toLocalDate(),
                row.getString("collection"));
    }
}
