package org.allmende.billing.payment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A member's shares and capital as billing knows them, for the member itself: the shares held (membership's
 * register), the subscribed capital at the nominal value, the paid-in capital (membership's Geschäftsguthaben,
 * projected from its events, so the same figure as the register extract once billing has read it), what is still
 * unpaid, the capital calls issued, billing's payments on them and the payouts after exit or given-up shares (§73
 * GenG: set off against open items, the rest paid out).
 * {@code onItsWay} is paid to billing on capital calls but not yet recorded in the register (ADR 0024).
 */
public record CapitalAccount(
        long memberNumber,
        String name,
        String status,
        int shares,
        BigDecimal nominalValue,
        BigDecimal subscribed,
        BigDecimal paidIn,
        BigDecimal unpaid,
        BigDecimal openInCalls,
        BigDecimal onItsWay,
        BigDecimal capitalToPayOut,
        LocalDate payoutDueBy,
        List<Call> calls,
        List<CapitalPayment> payments,
        List<Payouts.PayoutView> payouts) {

    /** A capital call: {@code OPEN}, {@code PARTLY_PAID} or {@code PAID}. */
    public record Call(
            String documentNumber,
            LocalDate issuedOn,
            LocalDate dueOn,
            BigDecimal amount,
            BigDecimal openAmount,
            String state) {}

    /**
     * Money billing applied to a capital call (negative: a direct debit returned); {@code recorded}: membership has
     * recorded it as paid-in capital.
     */
    public record CapitalPayment(
            LocalDate allocatedOn, String documentNumber, String reference, BigDecimal amount, boolean recorded) {}
}
