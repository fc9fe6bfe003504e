package org.allmende.membership.member;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** Facts about a member that stay inside membership (not published). */
public final class MemberEvents {

    private MemberEvents() {}

    public record AdditionalSharesRequested(
            UUID memberId, UUID requestId, int shares, LocalDate requestedOn, String requestedBy) {}

    public record AdditionalSharesDeclined(UUID memberId, UUID requestId, LocalDate decidedOn, String decidedBy) {}

    public record InhabitantsReported(UUID memberId, long inhabitants, LocalDate referenceDate) {}

    /** The inhabitants call for more obligatory shares than the member holds: for the board to act on (§7a). */
    public record ObligatorySharesProposed(UUID memberId, int obligatoryShares, int heldShares, LocalDate proposedOn) {}

    /**
     * Money billing allocated to a capital call that the member's shares cannot take (it would pay in more than
     * subscribed, or the membership has ended): kept here, visible to finance, never lost (ADR 0024).
     */
    public record CapitalPaymentHeld(
            UUID memberId, long allocationId, BigDecimal amount, LocalDate paidOn, String reference, String reason) {}

    /** Capital owed to the member was settled by billing: {@code netted} set off, {@code paidOut} transferred. */
    public record CapitalPaidOut(
            UUID memberId,
            UUID payoutId,
            String cause,
            BigDecimal capital,
            BigDecimal netted,
            BigDecimal paidOut,
            LocalDate paidOn,
            String reference) {}
}
