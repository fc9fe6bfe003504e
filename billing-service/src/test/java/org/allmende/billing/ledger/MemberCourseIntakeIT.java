package org.allmende.billing.ledger;

import static org.allmende.billing.ContractProducer.admitted;
import static org.allmende.billing.ContractProducer.memberId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.allmende.billing.ContractProducer;
import org.allmende.billing.RunningBillingService;
import org.allmende.devinfra.DemoLogins;
import org.allmende.devinfra.SharedInfrastructure;
import org.allmende.events.membership.AdditionalSharesApproved;
import org.allmende.events.membership.CapitalPaymentRecorded;
import org.allmende.events.membership.CapitalTransferred;
import org.allmende.events.membership.MemberAddressChanged;
import org.allmende.events.membership.MembershipEnded;
import org.allmende.events.membership.MembershipEvent;
import org.allmende.events.membership.MergerAgreed;
import org.allmende.events.membership.NoticeGiven;
import org.allmende.events.membership.PostalAddress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Billing follows a membership's course — shares, capital, transfer, address, notice, merger, exit — from the
 * membership topic, each event once: every event is delivered twice, and the second copy changes nothing.
 */
class MemberCourseIntakeIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final LocalDate SPRING = LocalDate.of(2026, 4, 1);
    private static final LocalDate END = LocalDate.of(2028, 12, 31);

    private static final UUID ONE = memberId(1);
    private static final UUID TWO = memberId(2);
    private static final UUID THREE = memberId(3);

    private static final List<MembershipEvent> EVENTS = List.of(
            admitted(1),
            admitted(2),
            admitted(3),
            new CapitalPaymentRecorded(ONE, money("1000.00"), SPRING, "SEPA", money("1000.00"), null),
            new AdditionalSharesApproved(ONE, UUID.randomUUID(), 3, 5, SPRING, "vorstand"),
            new CapitalTransferred(ONE, TWO, "OUT", 1, money("500.00"), 4, money("500.00"), SPRING),
            new CapitalTransferred(TWO, ONE, "IN", 1, money("500.00"), 4, money("500.00"), SPRING),
            new MemberAddressChanged(TWO, new PostalAddress("Neues Rathaus 1", "34119", "Kassel", "DE"), SPRING),
            new NoticeGiven(TWO, null, SPRING, END),
            new MergerAgreed(THREE, THREE, ONE, "MERGED", 4, money("0.00"), SPRING, LocalDate.of(2026, 12, 31)),
            new MergerAgreed(ONE, THREE, ONE, "SUCCESSOR", 4, money("0.00"), SPRING, LocalDate.of(2026, 12, 31)),
            new MembershipEnded(TWO, END, "NOTICE", money("500.00"), LocalDate.of(2029, 6, 30), null));

    private static ContractProducer topic;
    private static RunningBillingService billing;

    private static BigDecimal money(String amount) {
        return new BigDecimal(amount);
    }

    @BeforeAll
    static void start() {
        topic = new ContractProducer(SharedInfrastructure.unique("membership_topic"), 3);
        billing = RunningBillingService.start(SharedInfrastructure.unique("billing"), topic.topic());
        var ids = new ArrayList<String>();
        for (var event : EVENTS) {
            var eventId = topic.send(event);
            topic.send(event, eventId);
            ids.add(eventId);
        }
        await().atMost(PATIENCE)
                .until(() -> billing.jdbc()
                                .queryForObject("select coalesce(sum(next_offset), 0) from consumer_offset", Long.class)
                        == 2L * EVENTS.size());
    }

    @AfterAll
    static void stop() {
        billing.close();
        topic.close();
    }

    private static JsonNode member(long number) {
        var response = billing.api(DemoLogins.FINANCE).get("/api/members/" + number);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    @Test
    void everyEventIsAppliedOnceAndNothingIsParked() {
        assertThat(billing.jdbc().queryForObject("select count(*) from applied_event", Long.class))
                .isEqualTo(EVENTS.size());
        assertThat(billing.jdbc().queryForObject("select count(*) from parked_record", Long.class))
                .isZero();
    }

    @Test
    void sharesCapitalAndTheMergerAddUpOnTheSuccessor() {
        var one = member(1);
        assertThat(one.path("shares").asInt()).isEqualTo(4 + 4);
        assertThat(one.path("paidInCapital").decimalValue()).isEqualByComparingTo("500.00");
        assertThat(one.path("status").asText()).isEqualTo("ACTIVE");

        var three = member(3);
        assertThat(three.path("status").asText()).isEqualTo("LEAVING");
        assertThat(three.path("shares").asInt()).isZero();
        assertThat(three.path("successorMemberId").asText()).isEqualTo(ONE.toString());
    }

    @Test
    void anEndedMembershipCarriesItsPayoutAndTheLatestAddress() {
        var two = member(2);

        assertThat(two.path("status").asText()).isEqualTo("ENDED");
        assertThat(two.path("endedOn").asText()).isEqualTo("2028-12-31");
        assertThat(two.path("capitalToPayOut").decimalValue()).isEqualByComparingTo("500.00");
        assertThat(two.path("payoutDueBy").asText()).isEqualTo("2029-06-30");
        assertThat(two.path("paidInCapital").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(two.path("address").path("street").asText()).isEqualTo("Neues Rathaus 1");
    }
}
