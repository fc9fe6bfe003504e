package org.allmende.billing.payment;

/** What an open item is: a document billing issued, or a fee the dunning charged. */
public enum OpenItemType {
    /** Rechnung: the member owes its gross total. */
    INVOICE,
    /** Gutschrift: the cooperative owes its gross total; it is set off against what the member owes. */
    CREDIT_NOTE,
    /** Kapitalabruf: capital on shares (§7 GenG). */
    CAPITAL_CALL,
    /** Mahngebühr: the fee of a dunning level, an item of its own. */
    DUNNING_FEE;

    /** Whether the member owes it (as opposed to being owed). */
    boolean owedByMember() {
        return this != CREDIT_NOTE;
    }
}
