package org.allmende.membership.admission;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The board admits the applicant; the application then enters the new member into the register. */
public record ApproveMembershipApplication(
        @TargetAggregateIdentifier UUID applicationId, String decidedBy, LocalDate decidedOn) {}
