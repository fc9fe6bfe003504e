package org.allmende.billing.document;

/** The kinds of document billing issues, each numbered in a series of its own. */
public enum DocumentType {
    /** Rechnung. */
    INVOICE("invoice", "Invoice"),
    /** Gutschrift: takes back (part of) an issued invoice. */
    CREDIT_NOTE("credit-note", "CreditNote"),
    /** Kapitalabruf: capital on shares (§7 GenG), not a VAT document. */
    CAPITAL_CALL("capital-call", "CapitalCall");

    private final String configKey;
    private final String streamType;

    DocumentType(String configKey, String streamType) {
        this.configKey = configKey;
        this.streamType = streamType;
    }

    /** Its name under {@code allmende.documents.series} and {@code allmende.documents.payment-terms}. */
    public String configKey() {
        return configKey;
    }

    /** The aggregate type of its event stream in billing's event store. */
    String streamType() {
        return streamType;
    }
}
