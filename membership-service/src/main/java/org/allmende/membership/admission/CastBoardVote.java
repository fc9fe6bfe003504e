package org.allmende.membership.admission;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A board member's vote on an application, with an optional comment. */
public record CastBoardVote(
        @TargetAggregateIdentifier UUID applicationId,
        String boardMember,
        Vote vote,
        String comment,
        LocalDate castOn) {}
