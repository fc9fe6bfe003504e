package org.allmende.billing.einvoice;

/** The payment terms in words (BT-20), the same in the XML and on the PDF. */
final class PaymentTexts {

    private PaymentTexts() {}

    static String terms(EInvoiceDocument document) {
        var amount = document.totals().amountDue();
        var due = document.dueDate() == null ? "" : " zum " + GermanFormat.date(document.dueDate());
        if (amount.signum() <= 0 && document.type() == DocumentType.INVOICE) {
            return "Kein Zahlbetrag: das Guthaben von " + GermanFormat.money(amount.negate())
                    + " wird mit Ihrer nächsten Zahlung verrechnet.";
        }
        if (document.payment() instanceof PaymentInstructions.DirectDebit debit) {
            return "Wir ziehen " + GermanFormat.money(amount) + due + " per SEPA-Lastschrift von Ihrem Konto IBAN "
                    + Sepa.grouped(debit.debitedIban()) + " ein. Mandatsreferenz " + debit.mandateReference()
                    + ", Gläubiger-Identifikationsnummer " + debit.creditorId() + ".";
        }
        if (document.payment() instanceof PaymentInstructions.SetOff) {
            return "Wir schreiben Ihnen " + GermanFormat.money(amount)
                    + " gut und verrechnen den Betrag mit der Rechnung "
                    + document.precedingInvoice().number() + "; was sie übersteigt, mit Ihren nächsten Rechnungen.";
        }
        var transfer = (PaymentInstructions.CreditTransfer) document.payment();
        if (document.type() == DocumentType.CREDIT_NOTE) {
            return "Wir erstatten " + GermanFormat.money(amount) + due + " auf Ihr Konto IBAN "
                    + Sepa.grouped(transfer.iban()) + ".";
        }
        return "Bitte überweisen Sie " + GermanFormat.money(amount) + " ohne Abzug bis" + due + " auf das Konto IBAN "
                + Sepa.grouped(transfer.iban()) + (transfer.bic() == null ? "" : " (BIC " + transfer.bic() + ")")
                + " unter Angabe der "
                + (document.type() == DocumentType.CAPITAL_CALL ? "Abrufnummer " : "Rechnungsnummer ")
                + document.number() + ".";
    }
}
