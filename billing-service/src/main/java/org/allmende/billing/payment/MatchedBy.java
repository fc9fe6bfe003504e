package org.allmende.billing.payment;

/** How a payment found the account it is booked to. */
public enum MatchedBy {
    /** The bank's end-to-end reference is one of our direct debit collections. */
    DIRECT_DEBIT,
    /** The remittance text names one or more document numbers. */
    DOCUMENT_NUMBER,
    /** The member is known (entered, named in the text, or by a mandate's IBAN) and the amount is exactly open. */
    MEMBER_AND_AMOUNT,
    /** Finance assigned it by hand. */
    ASSIGNED
}
