package org.allmende.events.membership;

import java.time.LocalDate;
import java.util.UUID;

/** The board excluded the member (§68 GenG) for a reason; the membership ends at the end of the fiscal year. */
public record MemberExcluded(UUID memberId, String reason, LocalDate decidedOn, String decidedBy, LocalDate effectiveOn)
        implements MembershipEvent {

    @Override
    public UUID subject() {
        return memberId;
    }
}
