package org.allmende.membership.admission;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.createNew;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.allmende.events.membership.BodyKind;
import org.allmende.events.membership.MembershipApplicationApproved;
import org.allmende.events.membership.MembershipApplicationRejected;
import org.allmende.events.membership.MembershipApplicationSubmitted;
import org.allmende.events.membership.PostalAddress;
import org.allmende.membership.member.AdmitMember;
import org.allmende.membership.member.Member;
import org.allmende.membership.member.MemberNumbers;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** A declaration to join (§15 GenG), from submission to the board's decision. */
@Aggregate
public class MembershipApplication {

    enum Status {
        PENDING,
        APPROVED,
        REJECTED
    }

    @AggregateIdentifier
    private UUID applicationId;

    private String applicantName;
    private BodyKind bodyKind;
    private PostalAddress address;
    private int requestedShares;
    private Status status;

    protected MembershipApplication() {}

    @CommandHandler
    public MembershipApplication(SubmitMembershipApplication command) {
        apply(new MembershipApplicationSubmitted(
                command.applicationId(),
                command.applicantName(),
                command.bodyKind(),
                command.address(),
                command.requestedShares(),
                command.submittedOn()));
    }

    /**
     * Admission in one unit of work: the board's approval and the new member's entry into the register are stored
     * together or not at all, and the caller learns the member number at once. The member's id is derived from the
     * application's, so a retried admission can never create a second member for the same application.
     */
    @CommandHandler
    public Admitted handle(ApproveMembershipApplication command, MemberNumbers memberNumbers) throws Exception {
        requirePending();
        var memberId = memberIdFor(applicationId);
        apply(new MembershipApplicationApproved(applicationId, memberId, command.decidedBy(), command.decidedOn()));
        var memberNumber = memberNumbers.next();
        createNew(
                Member.class,
                () -> new Member(new AdmitMember(
                        memberId,
                        memberNumber,
                        applicationId,
                        applicantName,
                        bodyKind,
                        address,
                        requestedShares,
                        command.decidedOn())));
        return new Admitted(memberId, memberNumber);
    }

    @CommandHandler
    public void handle(RejectMembershipApplication command) {
        requirePending();
        apply(new MembershipApplicationRejected(
                applicationId, command.decidedBy(), command.reason(), command.decidedOn()));
    }

    static UUID memberIdFor(UUID applicationId) {
        return UUID.nameUUIDFromBytes(("member-of-application:" + applicationId).getBytes(StandardCharsets.UTF_8));
    }

    private void requirePending() {
        if (status != Status.PENDING) {
            throw new ApplicationAlreadyDecided(applicationId, status.name().toLowerCase());
        }
    }

    @EventSourcingHandler
    void on(MembershipApplicationSubmitted event) {
        applicationId = event.applicationId();
        applicantName = event.applicantName();
        bodyKind = event.bodyKind();
        address = event.address();
        requestedShares = event.requestedShares();
        status = Status.PENDING;
    }

    @EventSourcingHandler
    void on(MembershipApplicationApproved event) {
        status = Status.APPROVED;
    }

    @EventSourcingHandler
    void on(MembershipApplicationRejected event) {
        status = Status.REJECTED;
    }
}
