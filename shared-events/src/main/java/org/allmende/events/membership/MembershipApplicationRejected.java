package org.allmende.events.membership;

import java.time.LocalDate;
import java.util.UUID;

/** The board decided not to admit the applicant. */
public record MembershipApplicationRejected(UUID applicationId, String decidedBy, String reason, LocalDate decidedOn)
        implements MembershipEvent {

    @Override
    public UUID subject() {
        return applicationId;
    }
}
