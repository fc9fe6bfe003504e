package org.allmende.membership.admission;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record WithdrawMembershipApplication(
        @TargetAggregateIdentifier UUID applicationId, String recordedBy, LocalDate withdrawnOn) {}
