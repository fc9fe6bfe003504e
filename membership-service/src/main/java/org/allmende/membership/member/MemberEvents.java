package org.allmende.membership.member;

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
}
