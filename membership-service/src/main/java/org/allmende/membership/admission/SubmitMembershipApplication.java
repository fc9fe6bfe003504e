package org.allmende.membership.admission;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.allmende.events.membership.BodyKind;
import org.allmende.events.membership.PostalAddress;

/** A declaration to join; the applicant's contact persons are kept outside the event store (ADR 0012). */
public record SubmitMembershipApplication(
        UUID applicationId,
        String applicantName,
        BodyKind bodyKind,
        PostalAddress address,
        String ags,
        Long inhabitants,
        LocalDate inhabitantsReferenceDate,
        Integer staffCount,
        String leitwegId,
        int requestedShares,
        List<String> requestedServices,
        String statutesVersion,
        LocalDate submittedOn) {}
