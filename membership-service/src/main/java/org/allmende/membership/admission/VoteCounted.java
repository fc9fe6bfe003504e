package org.allmende.membership.admission;

import java.util.UUID;

/** The answer to a vote: where the application stands now, and the new member if this vote admitted it. */
public record VoteCounted(
        UUID applicationId,
        AdmissionQuorum.Outcome outcome,
        int approvals,
        int rejections,
        int abstentions,
        long votesStillNeeded,
        UUID memberId,
        Long memberNumber) {}
