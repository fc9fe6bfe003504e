package org.allmende.membership.admission;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;
import org.allmende.events.membership.BodyKind;
import org.allmende.events.membership.MemberAdmitted;
import org.allmende.events.membership.MembershipApplicationApproved;
import org.allmende.events.membership.MembershipApplicationRejected;
import org.allmende.events.membership.MembershipApplicationSubmitted;
import org.allmende.events.membership.PostalAddress;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MembershipApplicationTest {

    private static final UUID APPLICATION = UUID.fromString("2f6c1d9e-8a53-4c1b-9d0e-5b7a4f3e2c10");
    private static final PostalAddress TOWN_HALL = new PostalAddress("Rathausplatz 1", "12345", "Musterhausen", "DE");
    private static final LocalDate MARCH_2 = LocalDate.of(2026, 3, 2);
    private static final LocalDate MARCH_16 = LocalDate.of(2026, 3, 16);

    private AggregateTestFixture<MembershipApplication> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(MembershipApplication.class);
        fixture.registerInjectableResource(new CountingMemberNumbers(17));
    }

    private static MembershipApplicationSubmitted submitted() {
        return new MembershipApplicationSubmitted(
                APPLICATION, "Stadt Musterhausen", BodyKind.MUNICIPALITY, TOWN_HALL, 10, MARCH_2);
    }

    @Test
    void aSubmittedApplicationIsPending() {
        fixture.givenNoPriorActivity()
                .when(new SubmitMembershipApplication(
                        APPLICATION, "Stadt Musterhausen", BodyKind.MUNICIPALITY, TOWN_HALL, 10, MARCH_2))
                .expectSuccessfulHandlerExecution()
                .expectEvents(submitted());
    }

    @Test
    void theBoardApprovesAPendingApplicationAndTheApplicantBecomesAMember() {
        var memberId = MembershipApplication.memberIdFor(APPLICATION);
        fixture.given(submitted())
                .when(new ApproveMembershipApplication(APPLICATION, "vorstand", MARCH_16))
                .expectEvents(
                        new MembershipApplicationApproved(APPLICATION, memberId, "vorstand", MARCH_16),
                        new MemberAdmitted(
                                memberId,
                                17,
                                APPLICATION,
                                "Stadt Musterhausen",
                                BodyKind.MUNICIPALITY,
                                TOWN_HALL,
                                10,
                                MARCH_16))
                .expectResultMessagePayload(new Admitted(memberId, 17));
    }

    @Test
    void anApplicationCannotBeApprovedTwice() {
        fixture.given(
                        submitted(),
                        new MembershipApplicationApproved(
                                APPLICATION, MembershipApplication.memberIdFor(APPLICATION), "vorstand", MARCH_16))
                .when(new ApproveMembershipApplication(APPLICATION, "vorstand2", MARCH_16))
                .expectNoEvents()
                .expectException(ApplicationAlreadyDecided.class);
    }

    @Test
    void theBoardRejectsAPendingApplication() {
        fixture.given(submitted())
                .when(new RejectMembershipApplication(APPLICATION, "vorstand", "outside our region", MARCH_16))
                .expectEvents(
                        new MembershipApplicationRejected(APPLICATION, "vorstand", "outside our region", MARCH_16));
    }

    @Test
    void aRejectedApplicationCannotBeApproved() {
        fixture.given(
                        submitted(),
                        new MembershipApplicationRejected(APPLICATION, "vorstand", "outside our region", MARCH_16))
                .when(new ApproveMembershipApplication(APPLICATION, "vorstand2", MARCH_16))
                .expectNoEvents()
                .expectException(ApplicationAlreadyDecided.class);
    }

    @Test
    void anApprovedApplicationCannotBeRejected() {
        fixture.given(
                        submitted(),
                        new MembershipApplicationApproved(
                                APPLICATION, MembershipApplication.memberIdFor(APPLICATION), "vorstand", MARCH_16))
                .when(new RejectMembershipApplication(APPLICATION, "vorstand2", "changed my mind", MARCH_16))
                .expectNoEvents()
                .expectException(ApplicationAlreadyDecided.class);
    }

    /** Hands out numbers from a counter, like the database sequence does. */
    static final class CountingMemberNumbers implements org.allmende.membership.member.MemberNumbers {
        private long next;

        CountingMemberNumbers(long first) {
            this.next = first;
        }

        @Override
        public long next() {
            return next++;
        }
    }

    @Test
    void theMemberIdIsTheSameForTheSameApplicationAndDiffersBetweenApplications() {
        assertThat(MembershipApplication.memberIdFor(APPLICATION))
                .isEqualTo(MembershipApplication.memberIdFor(APPLICATION))
                .isNotEqualTo(MembershipApplication.memberIdFor(UUID.randomUUID()))
                .isNotEqualTo(APPLICATION);
    }
}
