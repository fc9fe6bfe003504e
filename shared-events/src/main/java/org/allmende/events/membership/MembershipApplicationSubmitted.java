package org.allmende.events.membership;

import java.time.LocalDate;
import java.util.UUID;

/** A body declared that it wants to join (§15 GenG); the board has not decided yet. */
public record MembershipApplicationSubmitted(
        UUID applicationId,
        String applicantName,
        BodyKind bodyKind,
        PostalAddress address,
        int requestedShares,
        LocalDate submittedOn)
        implements MembershipEvent {

    @Override
    public UUID subject() {
        return applicationId;
    }
}
