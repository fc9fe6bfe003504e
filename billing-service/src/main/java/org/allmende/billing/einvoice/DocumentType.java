package org.allmende.billing.einvoice;

/**
 * What a document is, with its UNTDID 1001 code (BT-3) as XRechnung allows it where it is an invoice; a capital call is
 * none and has a PDF for people only.
 */
public enum DocumentType {
    /** A commercial invoice (380). */
    INVOICE("380"),
    /** A credit note (381): corrects an earlier invoice, which it names (BG-3). */
    CREDIT_NOTE("381"),
    /**
     * A capital call (Kapitalabruf, § 7 GenG): capital on shares is no supply, so it is no invoice in the sense of
     * § 14 UStG and has no e-invoice — a plain PDF for people.
     */
    CAPITAL_CALL(null);

    private final String code;

    DocumentType(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** Whether it is an invoice in the sense of EN 16931, so has an e-invoice. */
    public boolean eInvoice() {
        return code != null;
    }
}
