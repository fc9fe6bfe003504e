package org.allmende.membership.admission;

import java.io.Serializable;
import java.util.UUID;

/**
 * The answer to a vote: where the application stands now, and the new member if this vote admitted it. Serializable:
 * the board page carries it to the next page as a flash attribute, in the session stored in the database (ADR 0030).
 */
public record VoteCounted(
        UUID applicationId,
        AdmissionQuorum.Outcome outcome,
        int approvals,
        int rejections,
        int abstentions,
        long votesStillNeeded,
        UUID memberId,
        Long memberNumber)
        implements Serializable {}
