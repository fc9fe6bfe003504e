package org.allmende.billing.publishing;

import org.allmende.billing.document.DocumentIssued;
import org.allmende.events.billing.BillingEvent;
import org.allmende.events.billing.CapitalCallIssued;
import org.allmende.events.billing.CreditNoteIssued;
import org.allmende.events.billing.InvoiceIssued;

/** What the contract says about billing's own records: pure, so a replay of the relay publishes the same facts. */
final class BillingFacts {

    private BillingFacts() {}

    static BillingEvent of(DocumentIssued issued) {
        var buyer = issued.buyer();
        return switch (issued.type()) {
            case INVOICE ->
                new InvoiceIssued(
                        issued.documentId(),
                        issued.number(),
                        buyer.memberId(),
                        buyer.memberNumber(),
                        issued.periodFrom(),
                        issued.periodTo(),
                        issued.runId(),
                        issued.issuedOn(),
                        issued.dueOn(),
                        issued.currency(),
                        issued.vatSubtotals(),
                        issued.netTotal(),
                        issued.vatTotal(),
                        issued.grossTotal());
            case CREDIT_NOTE ->
                new CreditNoteIssued(
                        issued.documentId(),
                        issued.number(),
                        issued.refersToNumber(),
                        buyer.memberId(),
                        buyer.memberNumber(),
                        issued.periodFrom(),
                        issued.periodTo(),
                        issued.runId(),
                        issued.issuedOn(),
                        issued.currency(),
                        issued.vatSubtotals(),
                        issued.netTotal(),
                        issued.vatTotal(),
                        issued.grossTotal());
            case CAPITAL_CALL ->
                new CapitalCallIssued(
                        issued.documentId(),
                        issued.number(),
                        buyer.memberId(),
                        buyer.memberNumber(),
                        issued.runId(),
                        issued.issuedOn(),
                        issued.dueOn(),
                        issued.currency(),
                        issued.grossTotal());
        };
    }
}
