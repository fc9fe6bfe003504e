package org.allmende.events.membership;

import java.time.LocalDate;
import java.util.UUID;

/** The applicant became a member and entered the member register (§15, §30 GenG). */
public record MemberAdmitted(
        UUID memberId,
        long memberNumber,
        UUID applicationId,
        String name,
        BodyKind bodyKind,
        PostalAddress address,
        int shares,
        LocalDate admittedOn)
        implements MembershipEvent {

    @Override
    public UUID subject() {
        return memberId;
    }
}
