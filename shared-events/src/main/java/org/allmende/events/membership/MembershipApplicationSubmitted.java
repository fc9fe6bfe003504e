package org.allmende.events.membership;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A body declared that it wants to join (§15 GenG); the board has not decided yet. Contact persons are personal
 * data and deliberately not part of this fact (ADR 0012); {@code ags}, inhabitants and staff may be null where
 * they do not apply.
 */
public record MembershipApplicationSubmitted(
        UUID applicationId,
        String applicantName,
        BodyKind bodyKind,
        PostalAddress address,
        int requestedShares,
        LocalDate submittedOn,
        String ags,
        Long inhabitants,
        LocalDate inhabitantsReferenceDate,
        Integer staffCount,
        String leitwegId,
        List<String> requestedServices,
        String statutesVersion)
        implements MembershipEvent {

    @Override
    public UUID subject() {
        return applicationId;
    }
}
