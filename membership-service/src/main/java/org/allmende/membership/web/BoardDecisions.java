package org.allmende.membership.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.allmende.membership.admission.CastBoardVote;
import org.allmende.membership.admission.DeclareConflictOfInterest;
import org.allmende.membership.admission.Vote;
import org.allmende.membership.admission.VoteCounted;
import org.allmende.support.security.CurrentUser;
import org.allmende.support.web.NotFound;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Component;

/** The board's commands on an application, the same for the REST API and the pages: the voter is the login. */
@Component
class BoardDecisions {

    private final CommandGateway commands;
    private final Clock clock;

    BoardDecisions(CommandGateway commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    VoteCounted vote(UUID applicationId, Vote vote, String comment) {
        return send(applicationId, new CastBoardVote(applicationId, CurrentUser.name(), vote, comment, today()));
    }

    void declareConflict(UUID applicationId, String reason) {
        send(applicationId, new DeclareConflictOfInterest(applicationId, CurrentUser.name(), reason, today()));
    }

    <R> R send(UUID applicationId, Object command) {
        try {
            return commands.sendAndWait(command);
        } catch (AggregateNotFoundException e) {
            throw notFound(applicationId);
        }
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    static NotFound notFound(UUID applicationId) {
        return new NotFound("There is no application " + applicationId + ".");
    }
}
