package org.allmende.billing.payment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import org.allmende.events.money.Money;

/**
 * An issued document as the open-items ledger takes it. {@code grossAmount} is the document's gross total as
 * printed, never negative (a credit note's too: the type says which way it goes). A credit note is due when it is
 * issued and may name the invoice it takes back ({@code refersTo}), which it is set off against first.
 */
public record NewOpenItem(
        long memberNumber,
        String documentNumber,
        OpenItemType type,
        LocalDate issuedOn,
        LocalDate dueOn,
        BigDecimal grossAmount,
        String currency,
        String refersTo) {

    public static final String EUR = "EUR";

    public NewOpenItem {
        Objects.requireNonNull(documentNumber, "documentNumber");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(issuedOn, "issuedOn");
        Objects.requireNonNull(grossAmount, "grossAmount");
        if (documentNumber.isBlank() || documentNumber.length() > 40) {
            throw new IllegalArgumentException("a document number has 1 to 40 characters: " + documentNumber);
        }
        if (dueOn == null) {
            dueOn = issuedOn;
        }
        if (dueOn.isBefore(issuedOn)) {
            throw new IllegalArgumentException(documentNumber + " is due before it was issued");
        }
        if (grossAmount.signum() < 0) {
            throw new IllegalArgumentException(documentNumber + ": the gross amount is given as printed, not negative");
        }
        grossAmount = Money.exact(grossAmount);
        if (currency == null) {
            currency = EUR;
        }
        if (!EUR.equals(currency)) {
            throw new IllegalArgumentException(
                    documentNumber + ": billing keeps accounts in EUR only, not " + currency);
        }
        if (refersTo != null && type != OpenItemType.CREDIT_NOTE && type != OpenItemType.DUNNING_FEE) {
            throw new IllegalArgumentException(documentNumber + ": only credit notes and fees refer to another item");
        }
    }

    public static NewOpenItem invoice(
            long memberNumber, String number, LocalDate issuedOn, LocalDate dueOn, BigDecimal grossAmount) {
        return new NewOpenItem(memberNumber, number, OpenItemType.INVOICE, issuedOn, dueOn, grossAmount, EUR, null);
    }

    public static NewOpenItem capitalCall(
            long memberNumber, String number, LocalDate issuedOn, LocalDate dueOn, BigDecimal amount) {
        return new NewOpenItem(memberNumber, number, OpenItemType.CAPITAL_CALL, issuedOn, dueOn, amount, EUR, null);
    }

    public static NewOpenItem creditNote(
            long memberNumber, String number, LocalDate issuedOn, BigDecimal grossAmount, String refersToInvoice) {
        return new NewOpenItem(
                memberNumber, number, OpenItemType.CREDIT_NOTE, issuedOn, issuedOn, grossAmount, EUR, refersToInvoice);
    }

    /** The amount from the member's side: what it owes is positive, what it is owed negative. */
    BigDecimal signedAmount() {
        return type.owedByMember() ? grossAmount : grossAmount.negate();
    }
}
