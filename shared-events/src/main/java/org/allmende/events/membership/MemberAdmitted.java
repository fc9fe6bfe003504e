package org.allmende.events.membership;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The applicant became a member and entered the member register (§15, §30 GenG). The Leitweg-ID is the buyer
 * reference of its e-invoices; {@code ags}, inhabitants and staff may be null where they do not apply.
 */
public record MemberAdmitted(
        UUID memberId,
        long memberNumber,
        UUID applicationId,
        String name,
        BodyKind bodyKind,
        PostalAddress address,
        int shares,
        LocalDate admittedOn,
        String ags,
        Long inhabitants,
        LocalDate inhabitantsReferenceDate,
        Integer staffCount,
        String leitwegId)
        implements MembershipEvent {

    @Override
    public UUID subject() {
        return memberId;
    }
}
