package org.allmende.events.membership;

import java.time.LocalDate;
import java.util.UUID;

/** The applicant withdrew before the board decided; its contact persons' data is erased (ADR 0012). */
public record MembershipApplicationWithdrawn(UUID applicationId, LocalDate withdrawnOn, String recordedBy)
        implements MembershipEvent {

    @Override
    public UUID subject() {
        return applicationId;
    }
}
