package org.allmende.billing.payment;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.allmende.billing.ledger.MemberLedger;
import org.allmende.events.billing.Allocation;
import org.allmende.events.billing.BillingEvent;
import org.allmende.events.billing.DunningLevelReached;
import org.allmende.events.billing.PaymentAllocated;
import org.allmende.events.billing.PaymentReceived;
import org.allmende.events.money.Money;
import org.allmende.support.axon.WhoAndWhy;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Billing's facts about member accounts, appended to billing's event store in the transaction of the booking (ADR
 * 0024), so the relay publishes exactly what was committed. Every allocation is announced once: the booking that
 * made it marks it announced in the same transaction. Callers hold the account's lock.
 */
@Component
class AccountFacts {

    static final String CREDIT_APPLIED = "CREDIT_APPLIED";
    static final String DIRECT_DEBIT_RETURNED = "DIRECT_DEBIT_RETURNED";
    private static final String EUR = "EUR";

    private final JdbcTemplate jdbc;
    private final EventStore eventStore;
    private final MemberLedger members;
    private final Clock clock;

    AccountFacts(JdbcTemplate jdbc, EventStore eventStore, MemberLedger members, Clock clock) {
        this.jdbc = jdbc;
        this.eventStore = eventStore;
        this.members = members;
        this.clock = clock;
    }

    /**
     * PaymentReceived: the payment was booked to its member, with what it paid; then whatever else the booking set
     * off (older credit) as PaymentAllocated.
     */
    void paymentBooked(long paymentId) {
        var payment = jdbc.queryForMap(
                """
                select member_number, bank_reference, booked_on, value_date, remittance_text, matched_by, amount,
                    unallocated
                from payment where id = ?
                """,
                paymentId);
        var memberNumber = ((Number) payment.get("member_number")).longValue();
        var allocations = announce("a.payment_id = ? and i.member_number = ?", paymentId, memberNumber);
        var valueDate = (java.sql.Date) payment.get("value_date");
        append(new PaymentReceived(
                paymentId,
                memberId(memberNumber),
                memberNumber,
                (String) payment.get("bank_reference"),
                ((java.sql.Date) payment.get("booked_on")).toLocalDate(),
                valueDate == null ? null : valueDate.toLocalDate(),
                (String) payment.get("remittance_text"),
                (String) payment.get("matched_by"),
                EUR,
                (BigDecimal) payment.get("amount"),
                allocations,
                capital(allocations),
                (BigDecimal) payment.get("unallocated")));
        allocationsMade(memberNumber, CREDIT_APPLIED);
    }

    /** PaymentAllocated: the allocations the member's booking made and no event announced yet, if any. */
    void allocationsMade(long memberNumber, String cause) {
        var allocations = announce("i.member_number = ?", memberNumber);
        if (allocations.isEmpty()) {
            return;
        }
        append(new PaymentAllocated(
                memberId(memberNumber),
                memberNumber,
                LocalDate.now(clock),
                cause,
                EUR,
                allocations,
                capital(allocations)));
    }

    void dunningLevelReached(
            long memberNumber,
            String documentNumber,
            OpenItemType type,
            int level,
            LocalDate on,
            BigDecimal openAmount,
            BigDecimal fee,
            String feeNumber) {
        append(new DunningLevelReached(
                memberId(memberNumber),
                memberNumber,
                documentNumber,
                type.name(),
                level,
                on,
                EUR,
                openAmount,
                fee,
                feeNumber));
    }

    /** The allocations of a payout's set-off, announced in its PayoutMade. */
    List<Allocation> payoutAllocations(UUID payoutId) {
        return announce("a.payout_id = ?", payoutId);
    }

    /** The not yet announced allocations matching {@code where}, marked announced (in the caller's transaction). */
    private List<Allocation> announce(String where, Object... arguments) {
        var allocations = jdbc.query(
                """
                select a.id, a.payment_id, i.document_number, i.document_type, a.amount
                from allocation a join open_item i on i.id = a.open_item_id
                where not a.announced and %s
                order by a.id
                """
                        .formatted(where),
                (row, n) -> new Allocation(
                        row.getLong("id"),
                        (Long) row.getObject("payment_id", Long.class),
                        row.getString("document_number"),
                        row.getString("document_type"),
                        row.getBigDecimal("amount")),
                arguments);
        for (var allocation : allocations) {
            jdbc.update("update allocation set announced = true where id = ?", allocation.allocationId());
        }
        return allocations;
    }

    private static BigDecimal capital(List<Allocation> allocations) {
        return allocations.stream()
                .filter(Allocation::paysCapital)
                .map(Allocation::amount)
                .reduce(Money.ZERO, BigDecimal::add);
    }

    private UUID memberId(long memberNumber) {
        return members.byNumber(memberNumber)
                .orElseThrow(() -> new IllegalStateException("billing knows no member " + memberNumber))
                .memberId();
    }

    /**
     * Appends the fact to billing's event store: inside a unit of work (an issue) with it, else at once on the
     * caller's connection — in both cases in the caller's transaction.
     */
    void append(BillingEvent fact) {
        eventStore.publish(
                new GenericEventMessage<>(UUID.randomUUID().toString(), fact, WhoAndWhy.current(), clock.instant()));
    }
}
