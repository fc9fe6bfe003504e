package org.allmende.billing.payment;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A pain.008 file as made: what it collects from whom, and where to download it. */
public record DirectDebitFileView(
        long id,
        String messageId,
        LocalDate collectionDate,
        String creditorId,
        int numberOfTransactions,
        BigDecimal controlSum,
        Instant createdAt,
        String createdBy,
        List<CollectionView> collections)
        implements Serializable {

    /** One collection in the file and what became of it. */
    public record CollectionView(
            long memberNumber,
            String documentNumber,
            String mandateReference,
            String sequenceType,
            String endToEndId,
            BigDecimal amount,
            String status,
            LocalDate returnedOn,
            String returnReason)
            implements Serializable {}
}
