package org.allmende.membership.admission;

import java.time.LocalDate;
import java.util.UUID;
import org.allmende.events.membership.BodyKind;
import org.allmende.events.membership.PostalAddress;

public record SubmitMembershipApplication(
        UUID applicationId,
        String applicantName,
        BodyKind bodyKind,
        PostalAddress address,
        int requestedShares,
        LocalDate submittedOn) {}
