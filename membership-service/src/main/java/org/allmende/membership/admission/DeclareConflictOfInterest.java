package org.allmende.membership.admission;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A board member who represents the applicant, or is otherwise partial, declares it and may not vote. */
public record DeclareConflictOfInterest(
        @TargetAggregateIdentifier UUID applicationId, String boardMember, String reason, LocalDate declaredOn) {}
