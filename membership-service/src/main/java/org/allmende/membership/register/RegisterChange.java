package org.allmende.membership.register;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A change of a register entry: what, effective when, recorded when, and the entry's figures after it. */
public record RegisterChange(
        String kind,
        String description,
        LocalDate effectiveOn,
        Instant recordedAt,
        int sharesAfter,
        BigDecimal capitalAfter,
        String statusAfter) {}
