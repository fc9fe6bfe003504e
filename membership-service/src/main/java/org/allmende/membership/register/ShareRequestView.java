package org.allmende.membership.register;

import java.time.LocalDate;
import java.util.UUID;

/** A request for voluntary shares, or a proposal to raise obligatory ones, waiting for (or after) the board. */
public record ShareRequestView(
        UUID requestId,
        UUID memberId,
        long memberNumber,
        String memberName,
        String kind,
        int shares,
        LocalDate requestedOn,
        String requestedBy,
        String status,
        LocalDate decidedOn,
        String decidedBy) {}
