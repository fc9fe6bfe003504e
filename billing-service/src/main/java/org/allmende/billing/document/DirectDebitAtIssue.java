package org.allmende.billing.document;

/**
 * How a document was to be paid, fixed when it was issued: by SEPA direct debit under the member's mandate that was
 * usable on the day of issue (active, signed, not lapsed) with the cooperative's creditor identifier of that day.
 * Recorded in {@link DocumentIssued} so an e-invoice rendered later says what the document said when it was issued,
 * whatever became of the mandate since (ADR 0022). Absent: paid by credit transfer to the cooperative's account —
 * also for documents issued before it was recorded.
 */
public record DirectDebitAtIssue(String mandateReference, String creditorId, String debitedIban, String debtorName) {}
