package org.allmende.membership.register;

import java.time.LocalDate;
import java.util.UUID;
import org.allmende.events.membership.BodyKind;
import org.allmende.events.membership.PostalAddress;

public record ApplicationView(
        UUID applicationId,
        String applicantName,
        BodyKind bodyKind,
        PostalAddress address,
        int requestedShares,
        LocalDate submittedOn,
        String status,
        String decidedBy,
        LocalDate decidedOn,
        String reason,
        UUID memberId) {}
