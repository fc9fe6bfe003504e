package org.allmende.membership.member;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.allmende.events.membership.BodyKind;
import org.allmende.events.membership.MemberAdmitted;
import org.allmende.events.membership.PostalAddress;
import org.allmende.events.membership.ServiceSubscribed;
import org.allmende.events.membership.SubscriptionCancelled;
import org.allmende.events.membership.SubscriptionQuantityChanged;
import org.allmende.membership.catalog.ServiceCatalog;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.CustomTypeSafeMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rules of subscribing to the cooperative's services, on the Member aggregate. */
class MemberSubscriptionTest {

    private static final UUID MEMBER = UUID.fromString("7a0e9d55-3c2b-3f61-8e4d-1b2c3d4e5f60");
    private static final long NUMBER = 17;
    private static final LocalDate ADMITTED = LocalDate.of(2026, 3, 16);
    private static final LocalDate APRIL = LocalDate.of(2026, 4, 1);
    private static final LocalDate JULY = LocalDate.of(2026, 7, 1);
    private static final LocalDate JUNE_30 = LocalDate.of(2026, 6, 30);
    private static final String TABLETS = "RIS-TABLET";

    /** The catalog as the aggregate sees it: each code offered from a day on. */
    record FakeCatalog(Map<String, LocalDate> offeredFrom) implements ServiceCatalog {
        @Override
        public boolean offers(String code, LocalDate day) {
            var from = offeredFrom.get(code);
            return from != null && !from.isAfter(day);
        }
    }

    private AggregateTestFixture<Member> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Member.class);
        fixture.registerInjectableResource(new FakeCatalog(Map.of(
                TABLETS,
                LocalDate.of(2026, 1, 1),
                "DC-HOSTING",
                LocalDate.of(2026, 1, 1),
                "VIDEO-CONFERENCE",
                LocalDate.of(2026, 9, 1))));
    }

    private static MemberAdmitted admitted() {
        return new MemberAdmitted(
                MEMBER,
                NUMBER,
                UUID.fromString("2f6c1d9e-8a53-4c1b-9d0e-5b7a4f3e2c10"),
                "Stadt Musterhausen",
                BodyKind.MUNICIPALITY,
                new PostalAddress("Rathausplatz 1", "12345", "Musterhausen", "DE"),
                10,
                ADMITTED,
                "06611000",
                8_000L,
                LocalDate.of(2025, 12, 31),
                90,
                "991-33333TEST-33");
    }

    private static ServiceSubscribed subscribed(int quantity, LocalDate from) {
        return new ServiceSubscribed(MEMBER, NUMBER, TABLETS, quantity, from);
    }

    private static Matcher<Object> refusedFor(String rule) {
        return new CustomTypeSafeMatcher<>("a subscription refused for " + rule) {
            @Override
            protected boolean matchesSafely(Object item) {
                return item instanceof SubscriptionRefused refused
                        && refused.rule().equals(rule);
            }
        };
    }

    private static SubscribeToService subscribe(int quantity, LocalDate from) {
        return new SubscribeToService(MEMBER, TABLETS, quantity, from, null);
    }

    @Test
    void anActiveMemberSubscribesToAServiceTheCatalogOffersAndLearnsItsNewVersion() {
        fixture.given(admitted())
                .when(subscribe(12, APRIL))
                .expectEvents(subscribed(12, APRIL))
                .expectResultMessagePayload(1L);
    }

    @Test
    void aMemberMaySubscribeOnTheDayOfItsAdmission() {
        fixture.given(admitted()).when(subscribe(1, ADMITTED)).expectEvents(subscribed(1, ADMITTED));
    }

    @Test
    void aSubscriptionCannotStartBeforeTheMembersAdmission() {
        fixture.given(admitted())
                .when(subscribe(12, ADMITTED.minusDays(1)))
                .expectNoEvents()
                .expectException(refusedFor("effective-date-before-admission"));
    }

    @Test
    void aServiceTheCatalogDoesNotHaveCannotBeSubscribed() {
        fixture.given(admitted())
                .when(new SubscribeToService(MEMBER, "GOLD-PLATED-MOUSE", 1, APRIL, null))
                .expectNoEvents()
                .expectException(refusedFor("service-not-in-catalog"));
    }

    @Test
    void aServiceCannotBeSubscribedBeforeTheCatalogOffersIt() {
        fixture.given(admitted())
                .when(new SubscribeToService(MEMBER, "VIDEO-CONFERENCE", 1, JULY, null))
                .expectNoEvents()
                .expectException(refusedFor("service-not-in-catalog"));
    }

    @Test
    void aServiceIsSubscribedFromTheDayTheCatalogOffersIt() {
        var september = LocalDate.of(2026, 9, 1);
        fixture.given(admitted())
                .when(new SubscribeToService(MEMBER, "VIDEO-CONFERENCE", 1, september, null))
                .expectEvents(new ServiceSubscribed(MEMBER, NUMBER, "VIDEO-CONFERENCE", 1, september));
    }

    @Test
    void theQuantityOfASubscriptionIsAtLeastOne() {
        fixture.given(admitted())
                .when(subscribe(0, APRIL))
                .expectNoEvents()
                .expectException(refusedFor("quantity-not-positive"));
    }

    @Test
    void aServiceCannotBeSubscribedTwice() {
        fixture.given(admitted(), subscribed(12, APRIL))
                .when(subscribe(3, JULY))
                .expectNoEvents()
                .expectException(refusedFor("service-already-subscribed"));
    }

    @Test
    void aSecondSubscriptionCannotStartEarlierThanARunningOne() {
        fixture.given(admitted(), subscribed(12, JULY))
                .when(subscribe(3, APRIL))
                .expectNoEvents()
                .expectException(refusedFor("service-already-subscribed"));
    }

    @Test
    void aCancelledServiceCannotBeSubscribedAgainBeforeItsLastDayHasPassed() {
        fixture.given(admitted(), subscribed(12, APRIL), new SubscriptionCancelled(MEMBER, NUMBER, TABLETS, JUNE_30))
                .when(subscribe(3, JUNE_30))
                .expectNoEvents()
                .expectException(refusedFor("service-already-subscribed"));
    }

    @Test
    void aCancelledServiceCanBeSubscribedAgainFromTheDayAfterItsLastDay() {
        fixture.given(admitted(), subscribed(12, APRIL), new SubscriptionCancelled(MEMBER, NUMBER, TABLETS, JUNE_30))
                .when(subscribe(3, JULY))
                .expectEvents(subscribed(3, JULY));
    }

    @Test
    void otherServicesAreSubscribedIndependently() {
        fixture.given(admitted(), subscribed(12, APRIL))
                .when(new SubscribeToService(MEMBER, "DC-HOSTING", 500, APRIL, null))
                .expectEvents(new ServiceSubscribed(MEMBER, NUMBER, "DC-HOSTING", 500, APRIL));
    }

    @Test
    void theQuantityOfASubscriptionChangesFromADayOn() {
        fixture.given(admitted(), subscribed(12, APRIL))
                .when(new ChangeSubscriptionQuantity(MEMBER, TABLETS, 15, JULY, null))
                .expectEvents(new SubscriptionQuantityChanged(MEMBER, NUMBER, TABLETS, 15, JULY))
                .expectResultMessagePayload(2L);
    }

    @Test
    void aQuantityChangeOnTheDayOfTheLatestChangeCorrectsIt() {
        fixture.given(admitted(), subscribed(12, APRIL))
                .when(new ChangeSubscriptionQuantity(MEMBER, TABLETS, 13, APRIL, null))
                .expectEvents(new SubscriptionQuantityChanged(MEMBER, NUMBER, TABLETS, 13, APRIL));
    }

    @Test
    void theSameQuantityAgainChangesNothing() {
        fixture.given(admitted(), subscribed(12, APRIL))
                .when(new ChangeSubscriptionQuantity(MEMBER, TABLETS, 12, JULY, null))
                .expectNoEvents()
                .expectResultMessagePayload(1L);
    }

    @Test
    void onlyASubscribedServiceChangesItsQuantity() {
        fixture.given(admitted())
                .when(new ChangeSubscriptionQuantity(MEMBER, TABLETS, 15, JULY, null))
                .expectNoEvents()
                .expectException(refusedFor("service-not-subscribed"));
    }

    @Test
    void aQuantityChangeBeforeTheSubscriptionStartsIsRefused() {
        fixture.given(admitted(), subscribed(12, JULY))
                .when(new ChangeSubscriptionQuantity(MEMBER, TABLETS, 15, APRIL, null))
                .expectNoEvents()
                .expectException(refusedFor("service-not-subscribed"));
    }

    @Test
    void aQuantityChangeAfterTheLastDayOfACancelledSubscriptionIsRefused() {
        fixture.given(admitted(), subscribed(12, APRIL), new SubscriptionCancelled(MEMBER, NUMBER, TABLETS, JUNE_30))
                .when(new ChangeSubscriptionQuantity(MEMBER, TABLETS, 15, JULY, null))
                .expectNoEvents()
                .expectException(refusedFor("service-not-subscribed"));
    }

    @Test
    void aQuantityChangeCannotPrecedeTheLatestChange() {
        fixture.given(
                        admitted(),
                        subscribed(12, APRIL),
                        new SubscriptionQuantityChanged(MEMBER, NUMBER, TABLETS, 15, JULY))
                .when(new ChangeSubscriptionQuantity(MEMBER, TABLETS, 14, JUNE_30, null))
                .expectNoEvents()
                .expectException(refusedFor("effective-date-before-latest-change"));
    }

    @Test
    void theQuantityCannotChangeToZero() {
        fixture.given(admitted(), subscribed(12, APRIL))
                .when(new ChangeSubscriptionQuantity(MEMBER, TABLETS, 0, JULY, null))
                .expectNoEvents()
                .expectException(refusedFor("quantity-not-positive"));
    }

    @Test
    void aMemberCancelsASubscriptionWithItsLastDay() {
        fixture.given(admitted(), subscribed(12, APRIL))
                .when(new CancelSubscription(MEMBER, TABLETS, JUNE_30, null))
                .expectEvents(new SubscriptionCancelled(MEMBER, NUMBER, TABLETS, JUNE_30))
                .expectResultMessagePayload(2L);
    }

    @Test
    void aSubscriptionMayEndOnTheDayItStarts() {
        fixture.given(admitted(), subscribed(12, APRIL))
                .when(new CancelSubscription(MEMBER, TABLETS, APRIL, null))
                .expectEvents(new SubscriptionCancelled(MEMBER, NUMBER, TABLETS, APRIL));
    }

    @Test
    void onlyASubscribedServiceCanBeCancelled() {
        fixture.given(admitted())
                .when(new CancelSubscription(MEMBER, TABLETS, JUNE_30, null))
                .expectNoEvents()
                .expectException(refusedFor("service-not-subscribed"));
    }

    @Test
    void aCancelledSubscriptionCannotBeCancelledAgain() {
        fixture.given(admitted(), subscribed(12, APRIL), new SubscriptionCancelled(MEMBER, NUMBER, TABLETS, JUNE_30))
                .when(new CancelSubscription(MEMBER, TABLETS, JULY, null))
                .expectNoEvents()
                .expectException(refusedFor("service-not-subscribed"));
    }

    @Test
    void aCancellationCannotEndBeforeTheLatestChange() {
        fixture.given(
                        admitted(),
                        subscribed(12, APRIL),
                        new SubscriptionQuantityChanged(MEMBER, NUMBER, TABLETS, 15, JULY))
                .when(new CancelSubscription(MEMBER, TABLETS, JUNE_30, null))
                .expectNoEvents()
                .expectException(refusedFor("effective-date-before-latest-change"));
    }

    @Test
    void aCancellationCannotEndBeforeTheMembersAdmission() {
        fixture.given(admitted(), subscribed(12, ADMITTED))
                .when(new CancelSubscription(MEMBER, TABLETS, ADMITTED.minusDays(1), null))
                .expectNoEvents()
                .expectException(refusedFor("effective-date-before-admission"));
    }

    @Test
    void aCommandBasedOnTheCurrentVersionIsAccepted() {
        fixture.given(admitted(), subscribed(12, APRIL))
                .when(new ChangeSubscriptionQuantity(MEMBER, TABLETS, 15, JULY, 1L))
                .expectEvents(new SubscriptionQuantityChanged(MEMBER, NUMBER, TABLETS, 15, JULY));
    }

    @Test
    void aCommandBasedOnAStaleVersionIsRefusedAsAConcurrentChange() {
        fixture.given(admitted(), subscribed(12, APRIL))
                .when(new CancelSubscription(MEMBER, TABLETS, JUNE_30, 0L))
                .expectException(ConflictingAggregateVersionException.class);
    }
}
