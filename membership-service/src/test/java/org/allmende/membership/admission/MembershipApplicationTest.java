package org.allmende.membership.admission;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.allmende.events.membership.BodyKind;
import org.allmende.events.membership.MemberAdmitted;
import org.allmende.events.membership.MembershipApplicationApproved;
import org.allmende.events.membership.MembershipApplicationRejected;
import org.allmende.events.membership.MembershipApplicationSubmitted;
import org.allmende.events.membership.MembershipApplicationWithdrawn;
import org.allmende.events.membership.PostalAddress;
import org.allmende.membership.member.MemberNumbers;
import org.allmende.membership.statutes.Majority;
import org.allmende.membership.statutes.Statutes;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MembershipApplicationTest {

    private static final UUID APPLICATION = UUID.fromString("2f6c1d9e-8a53-4c1b-9d0e-5b7a4f3e2c10");
    private static final UUID MEMBER = MembershipApplication.memberIdFor(APPLICATION);
    private static final PostalAddress TOWN_HALL = new PostalAddress("Rathausplatz 1", "36037", "Fulda", "DE");
    private static final LocalDate MARCH_2 = LocalDate.of(2026, 3, 2);
    private static final LocalDate MARCH_16 = LocalDate.of(2026, 3, 16);
    private static final String LEITWEG = "991-33333TEST-33";

    /** Statutes of the tests: two votes cast decide by simple majority; from 40,000 inhabitants 20 shares. */
    static final Statutes STATUTES = new Statutes(
            "2026-01",
            new Statutes.Admission(2, Majority.SIMPLE),
            new Statutes.Shares(new BigDecimal("500.00"), 1, List.of(new Statutes.Bracket(40_000, 20)), 200),
            new Statutes.Exit("--01-01", java.time.Period.ofYears(2), java.time.Period.ofMonths(6)));

    private AggregateTestFixture<MembershipApplication> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(MembershipApplication.class);
        fixture.registerInjectableResource(STATUTES);
        fixture.registerInjectableResource(new CountingMemberNumbers(17));
        fixture.registerInjectableResource(
                (org.allmende.membership.catalog.ServiceCatalog) (code, day) -> code.equals("RIS-TABLET"));
    }

    private static SubmitMembershipApplication submit(int shares, String statutesVersion) {
        return new SubmitMembershipApplication(
                APPLICATION,
                "Stadt Fulda",
                BodyKind.MUNICIPALITY,
                TOWN_HALL,
                "06631009",
                41_230L,
                LocalDate.of(2025, 12, 31),
                550,
                LEITWEG,
                shares,
                List.of("RIS-TABLET"),
                statutesVersion,
                MARCH_2);
    }

    private static MembershipApplicationSubmitted submitted() {
        return new MembershipApplicationSubmitted(
                APPLICATION,
                "Stadt Fulda",
                BodyKind.MUNICIPALITY,
                TOWN_HALL,
                25,
                MARCH_2,
                "06631009",
                41_230L,
                LocalDate.of(2025, 12, 31),
                550,
                LEITWEG,
                List.of("RIS-TABLET"),
                "2026-01");
    }

    private static BoardVoteCast vote(String boardMember, Vote vote) {
        return new BoardVoteCast(APPLICATION, boardMember, vote, null, MARCH_16);
    }

    private static CastBoardVote cast(String boardMember, Vote vote) {
        return new CastBoardVote(APPLICATION, boardMember, vote, null, MARCH_16);
    }

    @Test
    void aSubmittedApplicationIsPending() {
        fixture.givenNoPriorActivity().when(submit(25, "2026-01")).expectEvents(submitted());
    }

    @Test
    void anApplicantCanOnlyAskForServicesTheCooperativeOffers() {
        var command = submit(25, "2026-01");
        var unknown = new SubmitMembershipApplication(
                command.applicationId(),
                command.applicantName(),
                command.bodyKind(),
                command.address(),
                command.ags(),
                command.inhabitants(),
                command.inhabitantsReferenceDate(),
                command.staffCount(),
                command.leitwegId(),
                command.requestedShares(),
                List.of("RIS-TABLET", "QUANTUM-CLOUD"),
                command.statutesVersion(),
                command.submittedOn());
        fixture.givenNoPriorActivity()
                .when(unknown)
                .expectNoEvents()
                .expectException(AdmissionRefused.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("QUANTUM-CLOUD"));
    }

    @Test
    void anApplicantMustAcknowledgeTheCurrentStatutes() {
        fixture.givenNoPriorActivity()
                .when(submit(25, "2019-07"))
                .expectNoEvents()
                .expectException(AdmissionRefused.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("2026-01"));
    }

    @Test
    void aTownOfFortyThousandMustTakeTheObligatoryShares() {
        fixture.givenNoPriorActivity()
                .when(submit(19, "2026-01"))
                .expectNoEvents()
                .expectException(AdmissionRefused.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("at least 20"));
    }

    @Test
    void noApplicantMayAskForMoreThanTheMaximum() {
        fixture.givenNoPriorActivity()
                .when(submit(201, "2026-01"))
                .expectNoEvents()
                .expectException(AdmissionRefused.class);
    }

    @Test
    void oneApprovalDoesNotDecideYet() {
        fixture.given(submitted())
                .when(cast("mueller", Vote.APPROVE))
                .expectEvents(vote("mueller", Vote.APPROVE))
                .expectResultMessagePayload(
                        new VoteCounted(APPLICATION, AdmissionQuorum.Outcome.PENDING, 1, 0, 0, 1, null, null));
    }

    @Test
    void theSecondApprovalAdmitsTheApplicantWithTheNextMemberNumber() {
        fixture.given(submitted(), vote("mueller", Vote.APPROVE))
                .when(cast("schmidt", Vote.APPROVE))
                .expectEvents(
                        vote("schmidt", Vote.APPROVE),
                        new MembershipApplicationApproved(APPLICATION, MEMBER, "schmidt", MARCH_16, 2, 0, 0),
                        new MemberAdmitted(
                                MEMBER,
                                17,
                                APPLICATION,
                                "Stadt Fulda",
                                BodyKind.MUNICIPALITY,
                                TOWN_HALL,
                                25,
                                MARCH_16,
                                "06631009",
                                41_230L,
                                LocalDate.of(2025, 12, 31),
                                550,
                                LEITWEG))
                .expectResultMessagePayload(
                        new VoteCounted(APPLICATION, AdmissionQuorum.Outcome.APPROVED, 2, 0, 0, 0, MEMBER, 17L));
    }

    @Test
    void aTieWaitsForAnotherVoteAndTheMajorityOfRejectionsRejects() {
        fixture.given(submitted(), vote("mueller", Vote.APPROVE), vote("schmidt", Vote.REJECT))
                .when(cast("weber", Vote.REJECT))
                .expectEvents(
                        vote("weber", Vote.REJECT),
                        new MembershipApplicationRejected(
                                APPLICATION, "weber", "rejected by the board's vote", MARCH_16, 1, 2, 0));
    }

    @Test
    void abstentionsAreNotVotesCast() {
        fixture.given(submitted(), vote("mueller", Vote.ABSTAIN))
                .when(cast("schmidt", Vote.APPROVE))
                .expectEvents(vote("schmidt", Vote.APPROVE))
                .expectResultMessagePayload(
                        new VoteCounted(APPLICATION, AdmissionQuorum.Outcome.PENDING, 1, 0, 1, 1, null, null));
    }

    @Test
    void nobodyVotesTwice() {
        fixture.given(submitted(), vote("mueller", Vote.APPROVE))
                .when(cast("mueller", Vote.APPROVE))
                .expectNoEvents()
                .expectException(AdmissionRefused.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("already voted"));
    }

    @Test
    void aBoardMemberWithAConflictOfInterestCannotVote() {
        fixture.given(submitted(), new ConflictOfInterestDeclared(APPLICATION, "mueller", "mayor of Fulda", MARCH_16))
                .when(cast("mueller", Vote.APPROVE))
                .expectNoEvents()
                .expectException(AdmissionRefused.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("conflict of interest"));
    }

    @Test
    void aConflictMustBeDeclaredBeforeVoting() {
        fixture.given(submitted(), vote("mueller", Vote.APPROVE))
                .when(new DeclareConflictOfInterest(APPLICATION, "mueller", "mayor of Fulda", MARCH_16))
                .expectNoEvents()
                .expectException(AdmissionRefused.class);
    }

    @Test
    void anApplicantCanWithdrawBeforeTheDecision() {
        fixture.given(submitted(), vote("mueller", Vote.APPROVE))
                .when(new WithdrawMembershipApplication(APPLICATION, "applicant", MARCH_16))
                .expectEvents(new MembershipApplicationWithdrawn(APPLICATION, MARCH_16, "applicant"));
    }

    @Test
    void aDecidedApplicationCanNeitherBeWithdrawnNorVotedOn() {
        var approved = new MembershipApplicationApproved(APPLICATION, MEMBER, "schmidt", MARCH_16, 2, 0, 0);
        fixture.given(submitted(), approved)
                .when(new WithdrawMembershipApplication(APPLICATION, "applicant", MARCH_16))
                .expectNoEvents()
                .expectException(AdmissionRefused.class);
        fixture.given(submitted(), new MembershipApplicationWithdrawn(APPLICATION, MARCH_16, "applicant"))
                .when(cast("mueller", Vote.APPROVE))
                .expectNoEvents()
                .expectException(AdmissionRefused.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("withdrawn"));
    }

    @Test
    void aMemberMayAgreeToTransferSharesToThePendingApplicant() {
        var from = UUID.randomUUID();
        fixture.given(submitted())
                .when(new AgreeCapitalTransfer(APPLICATION, from, 5, MARCH_16, "vorstand"))
                .expectEvents(new CapitalTransferToApplicantAgreed(APPLICATION, from, 5, MARCH_16, "vorstand"));
    }

    @Test
    void aTransferMayNotTakeTheApplicantBeyondTheMaximum() {
        fixture.given(submitted())
                .when(new AgreeCapitalTransfer(APPLICATION, UUID.randomUUID(), 176, MARCH_16, "vorstand"))
                .expectNoEvents()
                .expectException(AdmissionRefused.class);
    }

    @Test
    void theMemberIdIsTheSameForTheSameApplicationAndDiffersBetweenApplications() {
        org.assertj.core.api.Assertions.assertThat(MembershipApplication.memberIdFor(APPLICATION))
                .isEqualTo(MembershipApplication.memberIdFor(APPLICATION))
                .isNotEqualTo(MembershipApplication.memberIdFor(UUID.randomUUID()))
                .isNotEqualTo(APPLICATION);
    }

    /** Hands out numbers from a counter, like the database sequence does. */
    static final class CountingMemberNumbers implements MemberNumbers {
        private long next;

        CountingMemberNumbers(long first) {
            this.next = first;
        }

        @Override
        public long next() {
            return next++;
        }
    }
}
