package org.allmende.billing.payment;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An item of a member's account. {@code amount} and {@code openAmount} are signed from the member's side (a credit
 * note's are negative); {@code collection} is {@code SUBMITTED} while a direct debit of it is on its way.
 */
public record OpenItemView(
        long memberNumber,
        String documentNumber,
        OpenItemType type,
        String refersTo,
        LocalDate issuedOn,
        LocalDate dueOn,
        String currency,
        BigDecimal amount,
        BigDecimal openAmount,
        int dunningLevel,
        LocalDate lastDunnedOn,
        String collection) {}
