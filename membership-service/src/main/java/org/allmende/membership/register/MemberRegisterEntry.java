package org.allmende.membership.register;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.allmende.events.membership.BodyKind;
import org.allmende.events.membership.PostalAddress;

/**
 * One member's entry in the register (§30 GenG) as it stands now. {@code capitalToPayOut} is capital owed to the
 * member after exit or given-up shares until billing paid it out; {@code capitalHeld} is money billing allocated to
 * capital calls that the shares could not take (ADR 0024).
 */
public record MemberRegisterEntry(
        UUID memberId,
        long memberNumber,
        String name,
        BodyKind bodyKind,
        PostalAddress address,
        String ags,
        Long inhabitants,
        Integer staffCount,
        String leitwegId,
        int shares,
        BigDecimal paidInCapital,
        BigDecimal capitalToPayOut,
        BigDecimal capitalHeld,
        String status,
        LocalDate joinedOn,
        LocalDate leavingOn,
        String leavingCause,
        Integer partialNoticeShares,
        LocalDate partialNoticeEffectiveOn,
        LocalDate endedOn,
        UUID successorMemberId,
        Instant recordedAt) {}
