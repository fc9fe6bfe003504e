package org.allmende.membership.admission;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RejectMembershipApplication(
        @TargetAggregateIdentifier UUID applicationId, String decidedBy, String reason, LocalDate decidedOn) {}
