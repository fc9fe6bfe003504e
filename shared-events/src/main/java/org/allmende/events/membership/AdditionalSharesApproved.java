package org.allmende.events.membership;

import java.time.LocalDate;
import java.util.UUID;

/** The board approved voluntary shares a member asked for (§15b GenG); the member now holds {@code totalShares}. */
public record AdditionalSharesApproved(
        UUID memberId, UUID requestId, int shares, int totalShares, LocalDate decidedOn, String decidedBy)
        implements MembershipEvent {

    @Override
    public UUID subject() {
        return memberId;
    }
}
