package org.allmende.membership.member;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.allmende.events.membership.CapitalPaymentRecorded;
import org.allmende.events.membership.MemberAdmitted;
import org.allmende.events.membership.MembershipEnded;
import org.allmende.membership.member.MemberCommands.RecordBillingCapitalPayment;
import org.allmende.membership.member.MemberCommands.RecordPayout;
import org.allmende.membership.member.MemberEvents.CapitalPaidOut;
import org.allmende.membership.member.MemberEvents.CapitalPaymentHeld;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Capital paid and paid out through billing (ADR 0024): once per allocation and payout, never beyond the shares. */
class BillingCapitalTest {

    private static final UUID MEMBER = UUID.fromString("7a0e9d55-3c2b-3f61-8e4d-1b2c3d4e5f60");
    private static final UUID PAYOUT = UUID.fromString("4d5e6f70-8192-4a3b-9c4d-5e6f70819203");
    private static final LocalDate PAID = LocalDate.of(2026, 3, 2);

    private AggregateTestFixture<Member> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Member.class);
        fixture.registerInjectableResource(MemberTest.STATUTES);
    }

    /** 10 shares of 500 EUR: 5,000 EUR subscribed (the member of {@link MemberTest}). */
    private static MemberAdmitted admitted() {
        return MemberTest.admitted();
    }

    private static RecordBillingCapitalPayment allocation(long id, String amount) {
        return new RecordBillingCapitalPayment(MEMBER, id, new BigDecimal(amount), PAID, "KA-2026-000017");
    }

    private static CapitalPaymentRecorded recorded(long id, String amount, String after) {
        return new CapitalPaymentRecorded(
                MEMBER, new BigDecimal(amount), PAID, "KA-2026-000017", new BigDecimal(after), id);
    }

    @Test
    void aCapitalAllocationOfBillingIsPaidInCapitalNamingTheAllocation() {
        fixture.given(admitted()).when(allocation(4711, "500.00")).expectEvents(recorded(4711, "500.00", "500.00"));
    }

    @Test
    void theSameAllocationAgainPaysNothingTwice() {
        fixture.given(admitted(), recorded(4711, "500.00", "500.00"))
                .when(allocation(4711, "500.00"))
                .expectNoEvents()
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void whatTheSharesCannotTakeIsHeldNotLost() {
        fixture.given(admitted(), recorded(1, "4800.00", "4800.00"))
                .when(allocation(2, "500.00"))
                .expectEvents(
                        recorded(2, "200.00", "5000.00"),
                        new CapitalPaymentHeld(
                                MEMBER,
                                2,
                                new BigDecimal("300.00"),
                                PAID,
                                "KA-2026-000017",
                                "payment-above-subscribed-capital"));
    }

    @Test
    void aHeldAllocationRedeliveredIsHeldOnce() {
        fixture.given(
                        admitted(),
                        recorded(1, "5000.00", "5000.00"),
                        new CapitalPaymentHeld(
                                MEMBER, 2, new BigDecimal("10.00"), PAID, "x", "payment-above-subscribed-capital"))
                .when(allocation(2, "10.00"))
                .expectNoEvents();
    }

    @Test
    void aReturnedDirectDebitTakesPaidInCapitalBack() {
        fixture.given(admitted(), recorded(1, "500.00", "500.00"))
                .when(allocation(3, "-500.00"))
                .expectEvents(recorded(3, "-500.00", "0.00"));
    }

    @Test
    void capitalArrivingAfterTheMembershipEndedIsHeld() {
        fixture.given(
                        admitted(),
                        new MembershipEnded(MEMBER, LocalDate.of(2028, 12, 31), "NOTICE", BigDecimal.ZERO, null, null))
                .when(allocation(5, "50.00"))
                .expectEvents(new CapitalPaymentHeld(
                        MEMBER, 5, new BigDecimal("50.00"), PAID, "KA-2026-000017", "membership-ended"));
    }

    @Test
    void aPayoutIsRecordedOnce() {
        var payout = new RecordPayout(
                MEMBER,
                PAYOUT,
                "EXIT",
                new BigDecimal("1000.00"),
                new BigDecimal("119.00"),
                new BigDecimal("881.00"),
                LocalDate.of(2029, 3, 2),
                "AUS-42-2028-12-31");
        var paidOut = new CapitalPaidOut(
                MEMBER,
                PAYOUT,
                payout.cause(),
                payout.capital(),
                payout.netted(),
                payout.paidOut(),
                payout.paidOn(),
                payout.reference());

        fixture.given(admitted()).when(payout).expectEvents(paidOut);
        fixture.given(admitted(), paidOut).when(payout).expectNoEvents();
    }
}
