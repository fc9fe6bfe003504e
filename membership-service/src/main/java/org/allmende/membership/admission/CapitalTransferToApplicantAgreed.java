package org.allmende.membership.admission;

import java.time.LocalDate;
import java.util.UUID;

/** Internal to membership: the transfer is carried out when (and if) the applicant is admitted. */
public record CapitalTransferToApplicantAgreed(
        UUID applicationId, UUID fromMemberId, int shares, LocalDate agreedOn, String recordedBy) {}
