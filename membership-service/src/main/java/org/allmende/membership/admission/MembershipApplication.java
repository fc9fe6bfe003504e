package org.allmende.membership.admission;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.createNew;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.allmende.events.membership.BodyKind;
import org.allmende.events.membership.MembershipApplicationApproved;
import org.allmende.events.membership.MembershipApplicationRejected;
import org.allmende.events.membership.MembershipApplicationSubmitted;
import org.allmende.events.membership.MembershipApplicationWithdrawn;
import org.allmende.events.membership.PostalAddress;
import org.allmende.membership.catalog.ServiceCatalog;
import org.allmende.membership.member.AdmitMember;
import org.allmende.membership.member.Member;
import org.allmende.membership.member.MemberNumbers;
import org.allmende.membership.statutes.Statutes;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** A declaration to join (§15 GenG), from submission to the board's decision by vote, or its withdrawal. */
@Aggregate
public class MembershipApplication {

    enum Status {
        PENDING,
        APPROVED,
        REJECTED,
        WITHDRAWN
    }

    @AggregateIdentifier
    private UUID applicationId;

    private String applicantName;
    private BodyKind bodyKind;
    private PostalAddress address;
    private String ags;
    private Long inhabitants;
    private LocalDate inhabitantsReferenceDate;
    private Integer staffCount;
    private String leitwegId;
    private int requestedShares;
    private int transferredShares;
    private Status status;
    private final Map<String, Vote> votes = new LinkedHashMap<>();
    private final Set<String> conflicted = new TreeSet<>();

    protected MembershipApplication() {}

    @CommandHandler
    public MembershipApplication(SubmitMembershipApplication command, Statutes statutes, ServiceCatalog catalog) {
        for (var code : command.requestedServices()) {
            if (!catalog.offers(code, command.submittedOn())) {
                throw new AdmissionRefused(
                        "service-not-in-catalog",
                        "requestedServices names " + code + ", which the cooperative does not offer.");
            }
        }
        if (!statutes.version().equals(command.statutesVersion())) {
            throw new AdmissionRefused(
                    "statutes-version-not-current",
                    "The applicant acknowledged statutes version " + command.statutesVersion()
                            + ", but the current version is " + statutes.version() + ".");
        }
        var policy = statutes.shares().policy();
        var inhabitants = command.inhabitants() == null ? OptionalLong.empty() : OptionalLong.of(command.inhabitants());
        var obligatory = policy.obligatoryShares(inhabitants);
        if (command.requestedShares() < obligatory) {
            throw new AdmissionRefused(
                    "shares-below-obligatory-minimum",
                    "requestedShares is " + command.requestedShares() + ", but a body of this size must take at least "
                            + obligatory + " shares.");
        }
        if (command.requestedShares() > policy.maximum()) {
            throw new AdmissionRefused(
                    "shares-above-maximum",
                    "requestedShares is " + command.requestedShares() + ", but a member may hold at most "
                            + policy.maximum() + " shares.");
        }
        apply(new MembershipApplicationSubmitted(
                command.applicationId(),
                command.applicantName(),
                command.bodyKind(),
                command.address(),
                command.requestedShares(),
                command.submittedOn(),
                command.ags(),
                command.inhabitants(),
                command.inhabitantsReferenceDate(),
                command.staffCount(),
                command.leitwegId(),
                List.copyOf(command.requestedServices()),
                command.statutesVersion()));
    }

    /**
     * Counts a board member's vote. The vote that meets the quorum decides; an approval then admits the applicant
     * in the same unit of work (ADR 0007): the new member's id is derived from the application's, so a retried
     * admission can never create a second member.
     */
    @CommandHandler
    public VoteCounted handle(CastBoardVote command, Statutes statutes, MemberNumbers memberNumbers) throws Exception {
        requirePending();
        if (conflicted.contains(command.boardMember())) {
            throw new AdmissionRefused(
                    "conflict-of-interest",
                    command.boardMember() + " declared a conflict of interest and may not vote on this application.");
        }
        if (votes.containsKey(command.boardMember())) {
            throw new AdmissionRefused(
                    "already-voted", command.boardMember() + " has already voted on this application.");
        }
        apply(new BoardVoteCast(
                applicationId, command.boardMember(), command.vote(), command.comment(), command.castOn()));

        var quorum = AdmissionQuorum.of(statutes);
        var outcome = quorum.decide(votes.values());
        var counts = counts();
        if (outcome == AdmissionQuorum.Outcome.REJECTED) {
            apply(new MembershipApplicationRejected(
                    applicationId,
                    command.boardMember(),
                    "rejected by the board's vote",
                    command.castOn(),
                    counts[0],
                    counts[1],
                    counts[2]));
            return counted(outcome, quorum, null, null);
        }
        if (outcome == AdmissionQuorum.Outcome.PENDING) {
            return counted(outcome, quorum, null, null);
        }
        var memberId = memberIdFor(applicationId);
        apply(new MembershipApplicationApproved(
                applicationId, memberId, command.boardMember(), command.castOn(), counts[0], counts[1], counts[2]));
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
                        command.castOn(),
                        ags,
                        inhabitants,
                        inhabitantsReferenceDate,
                        staffCount,
                        leitwegId)));
        return counted(outcome, quorum, memberId, memberNumber);
    }

    @CommandHandler
    public void handle(DeclareConflictOfInterest command) {
        requirePending();
        if (votes.containsKey(command.boardMember())) {
            throw new AdmissionRefused(
                    "already-voted",
                    command.boardMember() + " has already voted; a conflict must be declared before voting.");
        }
        if (conflicted.contains(command.boardMember())) {
            return;
        }
        apply(new ConflictOfInterestDeclared(
                applicationId, command.boardMember(), command.reason(), command.declaredOn()));
    }

    @CommandHandler
    public void handle(AgreeCapitalTransfer command, Statutes statutes) {
        requirePending();
        if (command.shares() < 1
                || requestedShares + transferredShares + command.shares()
                        > statutes.shares().maximum()) {
            throw new AdmissionRefused(
                    "shares-above-maximum",
                    "With " + command.shares()
                            + " transferred shares the applicant would hold more than the maximum of "
                            + statutes.shares().maximum() + " shares.");
        }
        apply(new CapitalTransferToApplicantAgreed(
                applicationId, command.fromMemberId(), command.shares(), command.agreedOn(), command.recordedBy()));
    }

    @CommandHandler
    public void handle(WithdrawMembershipApplication command) {
        requirePending();
        apply(new MembershipApplicationWithdrawn(applicationId, command.withdrawnOn(), command.recordedBy()));
    }

    static UUID memberIdFor(UUID applicationId) {
        return UUID.nameUUIDFromBytes(("member-of-application:" + applicationId).getBytes(StandardCharsets.UTF_8));
    }

    private VoteCounted counted(AdmissionQuorum.Outcome outcome, AdmissionQuorum quorum, UUID memberId, Long number) {
        var counts = counts();
        return new VoteCounted(
                applicationId,
                outcome,
                counts[0],
                counts[1],
                counts[2],
                outcome == AdmissionQuorum.Outcome.PENDING ? quorum.votesStillNeeded(votes.values()) : 0,
                memberId,
                number);
    }

    private int[] counts() {
        int approvals = 0, rejections = 0, abstentions = 0;
        for (var vote : votes.values()) {
            switch (vote) {
                case APPROVE -> approvals++;
                case REJECT -> rejections++;
                case ABSTAIN -> abstentions++;
            }
        }
        return new int[] {approvals, rejections, abstentions};
    }

    private void requirePending() {
        if (status != Status.PENDING) {
            throw new AdmissionRefused(
                    "application-already-decided",
                    "Application " + applicationId + " is " + status.name().toLowerCase() + " already.");
        }
    }

    @EventSourcingHandler
    void on(MembershipApplicationSubmitted event) {
        applicationId = event.applicationId();
        applicantName = event.applicantName();
        bodyKind = event.bodyKind();
        address = event.address();
        ags = event.ags();
        inhabitants = event.inhabitants();
        inhabitantsReferenceDate = event.inhabitantsReferenceDate();
        staffCount = event.staffCount();
        leitwegId = event.leitwegId();
        requestedShares = event.requestedShares();
        status = Status.PENDING;
    }

    @EventSourcingHandler
    void on(CapitalTransferToApplicantAgreed event) {
        transferredShares += event.shares();
    }

    @EventSourcingHandler
    void on(BoardVoteCast event) {
        votes.put(event.boardMember(), event.vote());
    }

    @EventSourcingHandler
    void on(ConflictOfInterestDeclared event) {
        conflicted.add(event.boardMember());
    }

    @EventSourcingHandler
    void on(MembershipApplicationApproved event) {
        status = Status.APPROVED;
    }

    @EventSourcingHandler
    void on(MembershipApplicationRejected event) {
        status = Status.REJECTED;
    }

    @EventSourcingHandler
    void on(MembershipApplicationWithdrawn event) {
        status = Status.WITHDRAWN;
    }
}
