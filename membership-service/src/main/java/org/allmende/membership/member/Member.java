package org.allmende.membership.member;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.UUID;
import org.allmende.events.membership.MemberAdmitted;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** A member of the cooperative: its number, shares and, later, capital, notice and exit. */
@Aggregate
public class Member {

    @AggregateIdentifier
    private UUID memberId;

    private long memberNumber;
    private int shares;

    protected Member() {}

    public Member(AdmitMember command) {
        if (command.shares() < 1) {
            throw new IllegalArgumentException("a member holds at least one share");
        }
        apply(new MemberAdmitted(
                command.memberId(),
                command.memberNumber(),
                command.applicationId(),
                command.name(),
                command.bodyKind(),
                command.address(),
                command.shares(),
                command.admittedOn(),
                command.ags(),
                command.inhabitants(),
                command.inhabitantsReferenceDate(),
                command.staffCount(),
                command.leitwegId()));
    }

    @EventSourcingHandler
    void on(MemberAdmitted event) {
        memberId = event.memberId();
        memberNumber = event.memberNumber();
        shares = event.shares();
    }
}
