package org.allmende.billing.payment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A bank statement as billing reads it from camt.053, whichever version: the account, and per entry (Buchung)
 * its transactions — one for a single transfer, several for a batch booking (Sammelbuchung) with details.
 */
record BankStatement(String format, String messageId, String statementId, String accountIban, List<Entry> entries) {

    /**
     * One booking line. {@code reference} identifies it at the bank (AcctSvcrRef, else NtryRef, else the
     * statement's id and the entry's position); {@code status} is BOOK for booked entries.
     */
    record Entry(
            int index,
            String reference,
            boolean credit,
            boolean reversal,
            String status,
            BigDecimal amount,
            String currency,
            LocalDate bookedOn,
            LocalDate valueDate,
            List<Transaction> transactions) {

        boolean booked() {
            return "BOOK".equals(status);
        }

        boolean batch() {
            return transactions.size() > 1;
        }
    }

    /** A transaction of an entry, with the key that identifies it as a payment. */
    record Transaction(
            String reference,
            BigDecimal amount,
            String endToEndId,
            String mandateReference,
            String remittanceText,
            String debtorName,
            String debtorIban,
            String returnReason) {}
}
