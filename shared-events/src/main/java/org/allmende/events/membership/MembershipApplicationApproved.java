package org.allmende.events.membership;

import java.time.LocalDate;
import java.util.UUID;

/** The board decided to admit the applicant; the member number follows with {@link MemberAdmitted}. */
public record MembershipApplicationApproved(UUID applicationId, UUID memberId, String decidedBy, LocalDate decidedOn)
        implements MembershipEvent {

    @Override
    public UUID subject() {
        return applicationId;
    }
}
