package org.allmende.membership.member;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.UUID;
import org.allmende.events.membership.AdditionalSharesApproved;
import org.allmende.events.membership.BodyKind;
import org.allmende.events.membership.CapitalPaymentRecorded;
import org.allmende.events.membership.MemberAdmitted;
import org.allmende.events.membership.MemberExcluded;
import org.allmende.events.membership.MembershipEnded;
import org.allmende.events.membership.NoticeGiven;
import org.allmende.events.membership.PostalAddress;
import org.allmende.events.membership.SharesGivenUp;
import org.allmende.membership.member.MemberCommands.ApplyDueExit;
import org.allmende.membership.member.MemberCommands.DecideOnAdditionalShares;
import org.allmende.membership.member.MemberCommands.ExcludeMember;
import org.allmende.membership.member.MemberCommands.GiveNotice;
import org.allmende.membership.member.MemberCommands.RecordCapitalPayment;
import org.allmende.membership.member.MemberCommands.ReportInhabitants;
import org.allmende.membership.member.MemberCommands.RequestAdditionalShares;
import org.allmende.membership.member.MemberEvents.AdditionalSharesRequested;
import org.allmende.membership.member.MemberEvents.InhabitantsReported;
import org.allmende.membership.member.MemberEvents.ObligatorySharesProposed;
import org.allmende.membership.statutes.Majority;
import org.allmende.membership.statutes.Statutes;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MemberTest {

    private static final UUID MEMBER = UUID.fromString("7a0e9d55-3c2b-3f61-8e4d-1b2c3d4e5f60");
    private static final UUID REQUEST = UUID.fromString("5c9e2a10-4b7d-4e3f-9a1c-0d2e4f6a8b3c");
    private static final LocalDate JOINED = LocalDate.of(2026, 1, 15);

    /** 500 EUR a share; 5 obligatory shares from 5,000 inhabitants; at most 30; two years' notice, calendar year. */
    static final Statutes STATUTES = new Statutes(
            "2026-01",
            new Statutes.Admission(2, Majority.SIMPLE),
            new Statutes.Shares(new BigDecimal("500.00"), 1, List.of(new Statutes.Bracket(5_000, 5)), 30),
            new Statutes.Exit("--01-01", Period.ofYears(2), Period.ofMonths(6)));

    private AggregateTestFixture<Member> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Member.class);
        fixture.registerInjectableResource(STATUTES);
    }

    /** A town of 8,000 inhabitants with 10 shares: 5 obligatory, 5 voluntary. */
    static MemberAdmitted admitted() {
        return new MemberAdmitted(
                MEMBER,
                42,
                UUID.randomUUID(),
                "Gemeinde Beispiel",
                BodyKind.MUNICIPALITY,
                new PostalAddress("Markt 1", "34117", "Beispiel", "DE"),
                10,
                JOINED,
                "06611000",
                8_000L,
                LocalDate.of(2025, 12, 31),
                90,
                "991-33333TEST-33");
    }

    private static CapitalPaymentRecorded paid(String amount, String total) {
        return new CapitalPaymentRecorded(
                MEMBER, new BigDecimal(amount), JOINED.plusDays(10), "SEPA", new BigDecimal(total), null);
    }

    @Test
    void aPaymentAddsToThePaidInCapital() {
        fixture.given(admitted())
                .when(new RecordCapitalPayment(MEMBER, new BigDecimal("2500"), JOINED.plusDays(10), "SEPA"))
                .expectEvents(paid("2500.00", "2500.00"));
    }

    @Test
    void noMemberPaysInMoreThanItsSharesAreWorth() {
        fixture.given(admitted(), paid("4000.00", "4000.00"))
                .when(new RecordCapitalPayment(MEMBER, new BigDecimal("1000.01"), JOINED.plusDays(20), "SEPA"))
                .expectNoEvents()
                .expectException(MemberRefused.class)
                .expectExceptionMessage(Matchers.containsString("5000.00"));
    }

    @Test
    void centsBeyondTheSecondDecimalAreRefusedNotRounded() {
        fixture.given(admitted())
                .when(new RecordCapitalPayment(MEMBER, new BigDecimal("10.005"), JOINED.plusDays(20), "SEPA"))
                .expectNoEvents()
                .expectException(IllegalArgumentException.class);
    }

    @Test
    void additionalSharesWaitUntilTheEarlierOnesArePaid() {
        fixture.given(admitted(), paid("4999.99", "4999.99"))
                .when(new RequestAdditionalShares(MEMBER, REQUEST, 2, JOINED.plusDays(30), "mitglied", null))
                .expectNoEvents()
                .expectException(MemberRefused.class)
                .expectExceptionMessage(Matchers.containsString("§15b"));
    }

    @Test
    void aFullyPaidMemberMayAskAndTheBoardApproves() {
        fixture.given(admitted(), paid("5000.00", "5000.00"))
                .when(new RequestAdditionalShares(MEMBER, REQUEST, 2, JOINED.plusDays(30), "mitglied", null))
                .expectEvents(new AdditionalSharesRequested(MEMBER, REQUEST, 2, JOINED.plusDays(30), "mitglied"));
        fixture.given(
                        admitted(),
                        paid("5000.00", "5000.00"),
                        new AdditionalSharesRequested(MEMBER, REQUEST, 2, JOINED.plusDays(30), "mitglied"))
                .when(new DecideOnAdditionalShares(MEMBER, REQUEST, true, JOINED.plusDays(40), "vorstand", null))
                .expectEvents(new AdditionalSharesApproved(MEMBER, REQUEST, 2, 12, JOINED.plusDays(40), "vorstand"));
    }

    @Test
    void noMemberHoldsMoreThanTheMaximum() {
        fixture.given(admitted(), paid("5000.00", "5000.00"))
                .when(new RequestAdditionalShares(MEMBER, REQUEST, 21, JOINED.plusDays(30), "mitglied", null))
                .expectNoEvents()
                .expectException(MemberRefused.class)
                .expectExceptionMessage(Matchers.containsString("maximum of 30"));
    }

    @Test
    void moreInhabitantsProposeMoreObligatorySharesToTheBoard() {
        var statutes = new Statutes(
                "2026-01",
                STATUTES.admission(),
                new Statutes.Shares(new BigDecimal("500.00"), 1, List.of(new Statutes.Bracket(20_000, 12)), 30),
                STATUTES.exit());
        fixture = new AggregateTestFixture<>(Member.class);
        fixture.registerInjectableResource(statutes);
        fixture.given(admitted())
                .when(new ReportInhabitants(MEMBER, 21_000, LocalDate.of(2026, 6, 30)))
                .expectEvents(
                        new InhabitantsReported(MEMBER, 21_000, LocalDate.of(2026, 6, 30)),
                        new ObligatorySharesProposed(MEMBER, 12, 10, LocalDate.of(2026, 6, 30)));
    }

    @Test
    void noticeTakesEffectAtTheFirstFiscalYearEndAfterTheNoticePeriod() {
        fixture.given(admitted())
                .when(new GiveNotice(MEMBER, null, LocalDate.of(2026, 3, 10), null))
                .expectEvents(new NoticeGiven(MEMBER, null, LocalDate.of(2026, 3, 10), LocalDate.of(2028, 12, 31)));
    }

    @Test
    void noticeOfVoluntarySharesLeavesTheObligatoryOnes() {
        fixture.given(admitted())
                .when(new GiveNotice(MEMBER, 6, LocalDate.of(2026, 3, 10), null))
                .expectNoEvents()
                .expectException(MemberRefused.class)
                .expectExceptionMessage(Matchers.containsString("at most 5 voluntary shares"));
    }

    @Test
    void theBoardExcludesToTheEndOfTheFiscalYear() {
        fixture.given(admitted())
                .when(new ExcludeMember(MEMBER, "dues unpaid", LocalDate.of(2026, 9, 15), "vorstand", null))
                .expectEvents(new MemberExcluded(
                        MEMBER, "dues unpaid", LocalDate.of(2026, 9, 15), "vorstand", LocalDate.of(2026, 12, 31)));
    }

    @Test
    void aLeavingMemberCannotAskForShares() {
        fixture.given(admitted(), paid("5000.00", "5000.00"), notice())
                .when(new RequestAdditionalShares(MEMBER, REQUEST, 1, LocalDate.of(2026, 4, 1), "mitglied", null))
                .expectNoEvents()
                .expectException(MemberRefused.class)
                .expectExceptionMessage(Matchers.containsString("leaving on 2028-12-31"));
    }

    private static NoticeGiven notice() {
        return new NoticeGiven(MEMBER, null, LocalDate.of(2026, 3, 10), LocalDate.of(2028, 12, 31));
    }

    @Test
    void nothingEndsBeforeItsDate() {
        fixture.given(admitted(), notice())
                .when(new ApplyDueExit(MEMBER, LocalDate.of(2028, 12, 30)))
                .expectNoEvents();
    }

    @Test
    void atItsDateTheMembershipEndsAndTheCapitalFallsDueWithinSixMonths() {
        fixture.given(admitted(), paid("5000.00", "5000.00"), notice())
                .when(new ApplyDueExit(MEMBER, LocalDate.of(2029, 1, 2)))
                .expectEvents(new MembershipEnded(
                        MEMBER,
                        LocalDate.of(2028, 12, 31),
                        "NOTICE",
                        new BigDecimal("5000.00"),
                        LocalDate.of(2029, 6, 30),
                        null));
    }

    @Test
    void anEndedMembershipEndsOnlyOnce() {
        var ended = new MembershipEnded(
                MEMBER, LocalDate.of(2028, 12, 31), "NOTICE", new BigDecimal("0.00"), LocalDate.of(2029, 6, 30), null);
        fixture.given(admitted(), notice(), ended)
                .when(new ApplyDueExit(MEMBER, LocalDate.of(2029, 1, 3)))
                .expectNoEvents();
    }

    @Test
    void aPartialNoticeGivesUpTheSharesAndPaysOutTheirCapital() {
        fixture.given(
                        admitted(),
                        paid("5000.00", "5000.00"),
                        new NoticeGiven(MEMBER, 3, LocalDate.of(2026, 3, 10), LocalDate.of(2028, 12, 31)))
                .when(new ApplyDueExit(MEMBER, LocalDate.of(2029, 1, 1)))
                .expectEvents(new SharesGivenUp(
                        MEMBER,
                        3,
                        7,
                        LocalDate.of(2028, 12, 31),
                        new BigDecimal("1500.00"),
                        LocalDate.of(2029, 6, 30)));
    }
}
