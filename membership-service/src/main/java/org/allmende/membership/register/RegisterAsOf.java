package org.allmende.membership.register;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.allmende.events.membership.PostalAddress;

/** A member's entry as it stood on a date, as far as it was recorded by a moment (bitemporal reading). */
public record RegisterAsOf(
        UUID memberId,
        long memberNumber,
        String name,
        PostalAddress address,
        int shares,
        BigDecimal paidInCapital,
        String status,
        LocalDate joinedOn,
        String lastChange,
        LocalDate lastChangeEffectiveOn) {}
