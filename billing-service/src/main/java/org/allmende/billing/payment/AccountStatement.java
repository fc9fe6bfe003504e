package org.allmende.billing.payment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A member's account as of a day (Kontoauszug): every document and payment in date order with the running
 * balance, and the items still open. Amounts are from the member's side: positive is what it owes (an invoice),
 * negative what it paid or was credited. A negative balance is the member's credit. {@code balance} always equals
 * the open items' total less the credit not yet used ({@code unusedCredit}).
 */
public record AccountStatement(
        long memberNumber,
        String memberName,
        LocalDate asOf,
        String currency,
        List<Line> lines,
        BigDecimal balance,
        BigDecimal unusedCredit,
        List<OpenItemView> openItems) {

    /**
     * One line: {@code kind} is the document type, {@code PAYMENT} or {@code DIRECT_DEBIT_RETURN};
     * {@code reference} the document number or the bank's reference; {@code documents} what a payment paid.
     */
    public record Line(
            LocalDate date,
            String kind,
            String reference,
            String text,
            BigDecimal amount,
            BigDecimal balance,
            List<String> documents) {}
}
