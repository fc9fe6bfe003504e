package org.allmende.billing.payment;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What an imported statement did, entry by entry. A transaction is {@code MATCHED} (booked to a member's items),
 * {@code UNMATCHED} (recorded, waiting for finance), {@code DUPLICATE} (recorded before: nothing booked),
 * {@code RETURNED} (a direct debit of ours given back) or {@code IGNORED} (not a payment to the cooperative:
 * pending, another currency, an outgoing payment); {@code note} says why. An entry's status is its transactions'
 * if they agree, else {@code MIXED}.
 */
public record StatementImported(
        long importId,
        String format,
        String statementId,
        String accountIban,
        int matched,
        int unmatched,
        int duplicates,
        int returned,
        int ignored,
        List<EntryResult> entries)
        implements Serializable {

    public record EntryResult(
            int index,
            String reference,
            LocalDate bookedOn,
            String creditDebit,
            BigDecimal amount,
            String status,
            List<TransactionResult> transactions)
            implements Serializable {}

    public record TransactionResult(
            String reference,
            BigDecimal amount,
            String status,
            Long paymentId,
            Long memberNumber,
            MatchedBy matchedBy,
            List<String> documentNumbers,
            String endToEndId,
            String note)
            implements Serializable {}
}
