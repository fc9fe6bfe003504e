package org.allmende.billing.payment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports camt.053 bank statements: each booked credit becomes a payment (matched where it says enough), each
 * booked debit that gives back one of our direct debits a return. A statement is imported whole or not at all;
 * importing it again books nothing again, because every payment is identified by the bank's reference.
 */
@Component
public class BankStatements {

    private final JdbcTemplate jdbc;
    private final Payments payments;
    private final DirectDebits directDebits;
    private final Clock clock;

    BankStatements(JdbcTemplate jdbc, Payments payments, DirectDebits directDebits, Clock clock) {
        this.jdbc = jdbc;
        this.payments = payments;
        this.directDebits = directDebits;
        this.clock = clock;
    }

    @Transactional
    public StatementImported importStatement(String xml, String by) {
        var statement = CamtStatements.parse(xml);
        var importId = jdbc.queryForObject(
                """
                insert into statement_import (format, message_id, statement_id, account_iban, sha256, entries, booked,
                    duplicates, imported_at, imported_by)
                values (?, ?, ?, ?, ?, ?, 0, 0, ?, ?)
                returning id
                """,
                Long.class,
                statement.format(),
                statement.messageId(),
                statement.statementId() == null ? "" : statement.statementId(),
                statement.accountIban(),
                sha256(xml),
                statement.entries().size(),
                Timestamp.from(clock.instant()),
                by);
        var results = new ArrayList<StatementImported.EntryResult>();
        for (var entry : statement.entries()) {
            var transactions = new ArrayList<StatementImported.TransactionResult>();
            for (var transaction : entry.transactions()) {
                transactions.add(apply(entry, transaction, importId, by));
            }
            var statuses = transactions.stream()
                    .map(StatementImported.TransactionResult::status)
                    .distinct()
                    .toList();
            results.add(new StatementImported.EntryResult(
                    entry.index(),
                    entry.reference(),
                    entry.bookedOn(),
                    entry.credit() ? "CRDT" : "DBIT",
                    entry.amount(),
                    statuses.size() == 1 ? statuses.get(0) : "MIXED",
                    transactions));
        }
        var all = results.stream().flatMap(r -> r.transactions().stream()).toList();
        var booked = count(all, "MATCHED") + count(all, "UNMATCHED") + count(all, "RETURNED");
        jdbc.update(
                "update statement_import set booked = ?, duplicates = ? where id = ?",
                booked,
                count(all, "DUPLICATE"),
                importId);
        return new StatementImported(
                importId,
                statement.format(),
                statement.statementId(),
                statement.accountIban(),
                count(all, "MATCHED"),
                count(all, "UNMATCHED"),
                count(all, "DUPLICATE"),
                count(all, "RETURNED"),
                count(all, "IGNORED"),
                results);
    }

    private StatementImported.TransactionResult apply(
            BankStatement.Entry entry, BankStatement.Transaction transaction, long importId, String by) {
        if (!entry.booked()) {
            return ignored(transaction, "not booked (" + entry.status() + ")");
        }
        if (!"EUR".equals(entry.currency())) {
            return ignored(transaction, "not in EUR but " + entry.currency());
        }
        if (!entry.credit()) {
            if (transaction.endToEndId() == null) {
                return ignored(transaction, "a debit that is no return of our direct debits");
            }
            var returned = directDebits.returned(
                    transaction.endToEndId(),
                    transaction.reference(),
                    transaction.amount(),
                    entry.bookedOn(),
                    transaction.returnReason(),
                    new Bookings.PaymentSourceAndImport(IncomingPayment.PaymentSource.CAMT053, importId),
                    by);
            if ("IGNORED".equals(returned.status())) {
                return ignored(transaction, "a debit that is no return of our direct debits");
            }
            return new StatementImported.TransactionResult(
                    transaction.reference(),
                    transaction.amount(),
                    returned.status(),
                    returned.paymentId(),
                    returned.memberNumber(),
                    null,
                    returned.documentNumber() == null ? List.of() : List.of(returned.documentNumber()),
                    transaction.endToEndId(),
                    transaction.returnReason());
        }
        if (entry.reversal()) {
            return ignored(transaction, "the reversal of a debit, no payment to the cooperative");
        }
        var recorded = payments.record(
                new IncomingPayment(
                        transaction.reference(),
                        IncomingPayment.PaymentSource.CAMT053,
                        transaction.amount(),
                        entry.bookedOn(),
                        entry.valueDate(),
                        transaction.remittanceText(),
                        transaction.endToEndId(),
                        transaction.mandateReference(),
                        transaction.debtorName(),
                        transaction.debtorIban(),
                        null),
                importId,
                by);
        var payment = recorded.payment();
        return new StatementImported.TransactionResult(
                transaction.reference(),
                transaction.amount(),
                recorded.duplicate() ? "DUPLICATE" : payment.matched() ? "MATCHED" : "UNMATCHED",
                payment.id(),
                payment.memberNumber(),
                payment.matchedBy(),
                payment.allocations().stream()
                        .map(PaymentView.Allocation::documentNumber)
                        .distinct()
                        .toList(),
                transaction.endToEndId(),
                null);
    }

    private static StatementImported.TransactionResult ignored(BankStatement.Transaction transaction, String why) {
        return new StatementImported.TransactionResult(
                transaction.reference(),
                transaction.amount(),
                "IGNORED",
                null,
                null,
                null,
                List.of(),
                transaction.endToEndId(),
                why);
    }

    private static int count(List<StatementImported.TransactionResult> results, String status) {
        return (int) results.stream().filter(r -> r.status().equals(status)).count();
    }

    private static String sha256(String xml) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
