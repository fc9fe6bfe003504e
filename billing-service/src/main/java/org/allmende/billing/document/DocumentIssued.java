package org.allmende.billing.document;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.allmende.events.billing.VatSubtotal;

/**
 * A document was issued: the first event of its stream in billing's event store, and all there is to know about
 * it — buyer, lines and totals as issued, so a replay rebuilds it without computing anything (ADR 0019). Billing's
 * own record: the contract facts on {@code allmende.billing.v1} are derived from it when it is published.
 * {@code dueOn} is absent for credit notes, {@code refersToNumber} present only for them. {@code directDebit} is
 * present when the member had a usable SEPA mandate at issue (ADR 0022); events written before it existed read as
 * credit transfer.
 */
public record DocumentIssued(
        UUID documentId,
        DocumentType type,
        String number,
        UUID runId,
        RunKind runKind,
        Buyer buyer,
        LocalDate periodFrom,
        LocalDate periodTo,
        LocalDate issuedOn,
        LocalDate dueOn,
        String refersToNumber,
        String currency,
        List<DocumentLine> lines,
        List<VatSubtotal> vatSubtotals,
        BigDecimal netTotal,
        BigDecimal vatTotal,
        BigDecimal grossTotal,
        DirectDebitAtIssue directDebit) {}
