package org.allmende.membership.member;

import java.time.LocalDate;
import java.util.UUID;
import org.allmende.events.membership.BodyKind;
import org.allmende.events.membership.PostalAddress;

public record AdmitMember(
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
        String leitwegId) {}
