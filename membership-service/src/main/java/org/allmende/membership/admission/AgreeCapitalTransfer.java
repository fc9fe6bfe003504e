package org.allmende.membership.admission;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** §76 GenG: a member will transfer fully paid shares to the applicant, taking effect with its admission. */
public record AgreeCapitalTransfer(
        @TargetAggregateIdentifier UUID applicationId,
        UUID fromMemberId,
        int shares,
        LocalDate agreedOn,
        String recordedBy) {}
