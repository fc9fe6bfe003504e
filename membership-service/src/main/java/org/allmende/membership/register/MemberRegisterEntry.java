package org.allmende.membership.register;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.allmende.events.membership.BodyKind;
import org.allmende.events.membership.PostalAddress;

/** One member's entry in the register (§30 GenG): when it took effect and when it was recorded. */
public record MemberRegisterEntry(
        UUID memberId,
        long memberNumber,
        String name,
        BodyKind bodyKind,
        PostalAddress address,
        String ags,
        Long inhabitants,
        Integer staffCount,
        String leitwegId,
        int shares,
        LocalDate joinedOn,
        Instant recordedAt) {}
