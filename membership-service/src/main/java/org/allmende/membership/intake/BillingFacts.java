package org.allmende.membership.intake;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.allmende.events.billing.Allocation;
import org.allmende.events.billing.PaymentAllocated;
import org.allmende.events.billing.PaymentReceived;
import org.allmende.events.billing.PayoutMade;
import org.allmende.events.wire.ContractEvents;
import org.allmende.events.wire.EventJson;
import org.allmende.events.wire.Headers;
import org.allmende.events.wire.MalformedEventException;
import org.allmende.membership.member.MemberCommands.RecordBillingCapitalPayment;
import org.allmende.membership.member.MemberCommands.RecordPayout;
import org.allmende.membership.member.MemberRefused;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What membership does with billing's facts (ADR 0024): the capital part of a payment or allocation becomes paid-in
 * capital, a payout is recorded; everything else billing says is not membership's business. The Member aggregate
 * records each allocation and payout once, so a record read twice changes nothing. A record that cannot be applied
 * (malformed, a newer schema, an unknown member, a refused rule) is parked with its reason — visible, not lost —
 * and the intake goes on; a failure of the database or the command bus is thrown, and the record read again.
 */
@Component
public class BillingFacts {

    private static final Logger log = LoggerFactory.getLogger(BillingFacts.class);

    /** A record of the billing topic, without Kafka's types. */
    public record Incoming(
            String topic, int partition, long offset, String key, Map<String, String> headers, byte[] payload) {

        String header(String name) {
            return headers.get(name);
        }
    }

    private final CommandGateway commands;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    BillingFacts(CommandGateway commands, JdbcTemplate jdbc, Clock clock) {
        this.commands = commands;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void apply(Incoming record) {
        var typeName = record.header(Headers.EVENT_TYPE);
        var type = typeName == null ? null : ContractEvents.byName(typeName).orElse(null);
        if (type == null) {
            park(record, "unknown-type", "no or an unknown " + Headers.EVENT_TYPE + " header: " + typeName);
            return;
        }
        if (type.recordClass() != PaymentReceived.class
                && type.recordClass() != PaymentAllocated.class
                && type.recordClass() != PayoutMade.class) {
            return;
        }
        int version;
        try {
            version = Integer.parseInt(
                    String.valueOf(record.header(Headers.SCHEMA_VERSION)).strip());
        } catch (NumberFormatException e) {
            park(record, "malformed", "schema version " + record.header(Headers.SCHEMA_VERSION) + " is no number");
            return;
        }
        if (version > type.schemaVersion()) {
            park(
                    record,
                    "unknown-version",
                    typeName + " version " + version + " is newer than " + type.schemaVersion());
            return;
        }
        Object event;
        try {
            event = EventJson.read(record.payload() == null ? new byte[0] : record.payload(), type.recordClass());
        } catch (MalformedEventException e) {
            park(record, "malformed", e.getMessage());
            return;
        }
        if (event instanceof org.allmende.events.billing.BillingEvent fact && fact.subject() == null) {
            park(record, "malformed", typeName + " without a member id");
            return;
        }
        try {
            if (event instanceof PaymentReceived received) {
                capital(record, received.memberId(), received.allocations(), received.bookedOn());
            } else if (event instanceof PaymentAllocated allocated) {
                capital(record, allocated.memberId(), allocated.allocations(), allocated.allocatedOn());
            } else if (event instanceof PayoutMade payout) {
                send(
                        record,
                        new RecordPayout(
                                payout.memberId(),
                                payout.payoutId(),
                                payout.cause(),
                                payout.capital(),
                                payout.netted(),
                                payout.paidOut(),
                                payout.paidOn(),
                                payout.reference()));
            }
        } catch (MemberRefused e) {
            park(record, e.rule(), e.getMessage());
        } catch (AggregateNotFoundException e) {
            park(record, "member-unknown", typeName + " names no member of this cooperative: " + e.getMessage());
        }
    }

    private void capital(
            Incoming record, java.util.UUID memberId, List<Allocation> allocations, java.time.LocalDate on) {
        for (var allocation : allocations == null ? List.<Allocation>of() : allocations) {
            if (allocation.paysCapital()) {
                send(
                        record,
                        new RecordBillingCapitalPayment(
                                memberId,
                                allocation.allocationId(),
                                allocation.amount(),
                                on,
                                allocation.documentNumber()));
            }
        }
    }

    private void send(Incoming record, Object command) {
        var correlationId = record.header(Headers.CORRELATION_ID);
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(Map.of(
                        "user",
                        "billing",
                        "role",
                        "",
                        "correlationId",
                        correlationId == null ? String.valueOf(record.header(Headers.EVENT_ID)) : correlationId)));
    }

    private void park(Incoming record, String reason, String detail) {
        log.error(
                "ALERT billing fact parked: {} at {}-{}@{}: {}",
                reason,
                record.topic(),
                record.partition(),
                record.offset(),
                detail);
        jdbc.update(
                """
                insert into billing_intake_parked (topic, partition_no, kafka_offset, record_key, event_type, event_id,
                    reason, detail, payload, parked_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (topic, partition_no, kafka_offset) do nothing
                """,
                record.topic(),
                record.partition(),
                record.offset(),
                record.key(),
                record.header(Headers.EVENT_TYPE),
                record.header(Headers.EVENT_ID),
                reason,
                detail.length() > 2000 ? detail.substring(0, 2000) : detail,
                record.payload(),
                Timestamp.from(clock.instant()));
    }

    /** Parked records, newest first, for an operator. */
    public List<Map<String, Object>> parked() {
        return jdbc.queryForList(
                """
                select id, topic, partition_no, kafka_offset, record_key, event_type, event_id, reason, detail,
                    convert_from(payload, 'UTF8') as payload, parked_at
                from billing_intake_parked order by id desc
                """);
    }
}
