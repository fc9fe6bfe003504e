package org.allmende.events.membership;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Municipalities merged (§77a GenG): the member {@code memberId} is merged into {@code successorMemberId}, which
 * takes over its shares, capital, subscriptions, usage history and open items; the merged membership continues
 * to {@code endsOn}, the end of the fiscal year. Published on both members' keys ({@code role} MERGED / SUCCESSOR).
 */
public record MergerAgreed(
        UUID memberId,
        UUID mergedMemberId,
        UUID successorMemberId,
        String role,
        int sharesTakenOver,
        BigDecimal capitalTakenOver,
        LocalDate agreedOn,
        LocalDate endsOn)
        implements MembershipEvent {

    @Override
    public UUID subject() {
        return memberId;
    }
}
