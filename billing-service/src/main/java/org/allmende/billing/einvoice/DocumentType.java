package org.allmende.billing.einvoice;

/** What an e-invoice is, with its UNTDID 1001 code (BT-3) as XRechnung allows it. */
public enum DocumentType {
    /** A commercial invoice (380). */
    INVOICE("380"),
    /** A credit note (381): corrects an earlier invoice, which it names (BG-3). */
    CREDIT_NOTE("381");

    private final String code;

    DocumentType(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
