package org.allmende.billing.payment;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An item that reached a dunning level: what is open of it, the fee charged for the notice (with the fee's own
 * document number, if any), and on which day.
 */
public record DunningNotice(
        long memberNumber,
        String documentNumber,
        OpenItemType type,
        LocalDate dueOn,
        int level,
        LocalDate noticedOn,
        BigDecimal openAmount,
        BigDecimal fee,
        String feeDocumentNumber)
        implements Serializable {}
