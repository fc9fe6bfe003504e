package org.allmende.billing.einvoice;

import java.time.LocalDate;
import java.util.Objects;

/** The invoice a credit note corrects (BG-3): its number (BT-25) and issue date (BT-26). */
public record PrecedingInvoice(String number, LocalDate issueDate) {

    public PrecedingInvoice {
        Text.required(number, "precedingInvoice.number");
        Objects.requireNonNull(issueDate, "precedingInvoice.issueDate");
    }
}
