package org.allmende.billing.intake;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import org.allmende.billing.ledger.CatalogLedger;
import org.allmende.billing.ledger.MemberLedger;
import org.allmende.billing.ledger.SubscriptionLedger;
import org.allmende.billing.ledger.UsageLedger;
import org.allmende.billing.payment.Payouts;
import org.allmende.billing.payment.UnpaidCapital;
import org.allmende.events.membership.AdditionalSharesApproved;
import org.allmende.events.membership.CapitalPaymentRecorded;
import org.allmende.events.membership.CapitalTransferred;
import org.allmende.events.membership.CatalogServiceDefined;
import org.allmende.events.membership.CatalogServiceVersionPublished;
import org.allmende.events.membership.MemberAddressChanged;
import org.allmende.events.membership.MemberAdmitted;
import org.allmende.events.membership.MemberExcluded;
import org.allmende.events.membership.MembershipApplicationApproved;
import org.allmende.events.membership.MembershipApplicationRejected;
import org.allmende.events.membership.MembershipApplicationSubmitted;
import org.allmende.events.membership.MembershipApplicationWithdrawn;
import org.allmende.events.membership.MembershipEnded;
import org.allmende.events.membership.MergerAgreed;
import org.allmende.events.membership.NoticeGiven;
import org.allmende.events.membership.ServiceSubscribed;
import org.allmende.events.membership.SharesGivenUp;
import org.allmende.events.membership.SubscriptionCancelled;
import org.allmende.events.membership.SubscriptionQuantityChanged;
import org.allmende.events.usage.UsageRecorded;
import org.allmende.events.wire.ContractEvents;
import org.allmende.events.wire.EventJson;
import org.allmende.events.wire.Headers;
import org.allmende.events.wire.MalformedEventException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads a record by the wire format and applies it to billing's projections, once per event id. Must run inside
 * the caller's transaction: the dedupe row, the projection change and the consumer offset commit together.
 */
@Component
public class ContractDispatch {

    public enum Outcome {
        APPLIED,
        DUPLICATE
    }

    private final JdbcTemplate jdbc;
    private final MemberLedger members;
    private final CatalogLedger catalog;
    private final SubscriptionLedger subscriptions;
    private final UsageLedger usageLedger;
    private final UnpaidCapital unpaidCapital;
    private final Payouts payouts;
    private final Clock clock;

    ContractDispatch(
            JdbcTemplate jdbc,
            MemberLedger members,
            CatalogLedger catalog,
            SubscriptionLedger subscriptions,
            UsageLedger usageLedger,
            UnpaidCapital unpaidCapital,
            Payouts payouts,
            Clock clock) {
        this.unpaidCapital = unpaidCapital;
        this.payouts = payouts;
        this.usageLedger = usageLedger;
        this.jdbc = jdbc;
        this.members = members;
        this.catalog = catalog;
        this.subscriptions = subscriptions;
        this.clock = clock;
    }

    /** A record read by the wire format. */
    record Read(String typeName, UUID eventId, Object event) {}

    public Outcome apply(IncomingRecord record) {
        return apply(record, UsageLedger.Recheck.NONE);
    }

    /**
     * Applies a record; notes in {@code recheck} the members and services whose rejected usage may keep every rule
     * now (an admission, a subscription or a catalog version that arrived after the usage).
     */
    public Outcome apply(IncomingRecord record, UsageLedger.Recheck recheck) {
        var read = read(record);
        var typeName = read.typeName();
        var eventId = read.eventId();
        var event = read.event();
        var inserted = jdbc.update(
                """
                insert into applied_event (event_id, event_type, topic, partition_no, kafka_offset, applied_at)
                values (?, ?, ?, ?, ?, ?) on conflict (event_id) do nothing
                """,
                eventId,
                typeName,
                record.topic(),
                record.partition(),
                record.offset(),
                Timestamp.from(clock.instant()));
        if (inserted == 0) {
            return Outcome.DUPLICATE;
        }
        try {
            handle(event, eventId);
            if (event instanceof MemberAdmitted admitted) {
                recheck.member(admitted.memberNumber());
            } else if (event instanceof ServiceSubscribed subscribed) {
                recheck.member(subscribed.memberNumber());
            } else if (event instanceof CatalogServiceDefined defined) {
                recheck.service(defined.code());
            } else if (event instanceof CatalogServiceVersionPublished published) {
                recheck.service(published.code());
            }
        } catch (RuntimeException e) {
            throw new Unapplicable("handler-failed", typeName + " could not be applied: " + rootMessage(e), e);
        }
        return Outcome.APPLIED;
    }

    /**
     * Reads a record by the wire format: the type and schema version it names, its event id and payload. Throws
     * {@link Unapplicable} for whatever cannot be read; writes nothing.
     */
    Read read(IncomingRecord record) {
        var typeName = record.header(Headers.EVENT_TYPE);
        if (typeName == null) {
            throw new Unapplicable("malformed", "no " + Headers.EVENT_TYPE + " header");
        }
        var type = ContractEvents.byName(typeName)
                .orElseThrow(() -> new Unapplicable("unknown-type", "unknown event type " + typeName));
        var version = schemaVersion(record);
        if (version > type.schemaVersion()) {
            throw new Unapplicable(
                    "unknown-version",
                    typeName + " schema version " + version + " is newer than the " + type.schemaVersion()
                            + " this billing-service knows");
        }
        var eventId = eventId(record);
        Object event;
        try {
            event = EventJson.read(record.payload() == null ? new byte[0] : record.payload(), type.recordClass());
        } catch (MalformedEventException e) {
            throw new Unapplicable("malformed", e.getMessage(), e);
        }
        if (event == null) {
            throw new Unapplicable("malformed", "empty payload");
        }
        if (event instanceof UsageRecorded usage) {
            if (usage.sendingSystem() == null
                    || usage.sendingSystem().isBlank()
                    || usage.recordId() == null
                    || usage.recordId().isBlank()) {
                throw new Unapplicable(
                        "malformed", "usage without sendingSystem or recordId: it has no idempotency key");
            }
            if (usage.sendingSystem().length() > 100 || usage.recordId().length() > 200) {
                throw new Unapplicable("malformed", "sendingSystem is at most 100 and recordId 200 characters long");
            }
        }
        return new Read(typeName, eventId, event);
    }

    /** Is this record usage (by its type header)? Usage is applied in bulk, deduplicated by its own key. */
    static boolean isUsage(IncomingRecord record) {
        return USAGE_TYPE.equals(record.header(Headers.EVENT_TYPE));
    }

    private static final String USAGE_TYPE = UsageRecorded.class.getSimpleName();

    private void handle(Object event, UUID eventId) {
        if (event instanceof UsageRecorded usage) {
            // a parked record applied on retry: it counts as arriving now
            usageLedger.record(new UsageLedger.Arrival(usage, Integer.MAX_VALUE, Long.MAX_VALUE));
        } else if (event instanceof MemberAdmitted admitted) {
            members.admit(admitted);
        } else if (event instanceof AdditionalSharesApproved approved) {
            members.sharesChanged(approved.memberId(), approved.totalShares());
        } else if (event instanceof CapitalPaymentRecorded payment) {
            members.paidIn(payment.memberId(), payment.paidInCapital());
            if (payment.billingAllocationId() != null) {
                unpaidCapital.acknowledged(
                        payment.billingAllocationId(), payment.amount(), Timestamp.from(clock.instant()));
            }
        } else if (event instanceof NoticeGiven notice) {
            if (notice.shares() == null) {
                members.leaving(notice.memberId(), notice.effectiveOn(), null);
            }
        } else if (event instanceof MemberExcluded excluded) {
            members.leaving(excluded.memberId(), excluded.effectiveOn(), null);
        } else if (event instanceof SharesGivenUp givenUp) {
            members.sharesGivenUp(givenUp.memberId(), givenUp.remainingShares(), givenUp.capitalToPayOut());
            payouts.due(
                    eventId,
                    givenUp.memberId(),
                    "SHARES_GIVEN_UP",
                    givenUp.effectiveOn(),
                    givenUp.capitalToPayOut(),
                    givenUp.payoutDueBy());
        } else if (event instanceof CapitalTransferred transfer) {
            members.capitalChanged(transfer.memberId(), transfer.sharesAfter(), transfer.paidInCapitalAfter());
            unpaidCapital.checkNominalValue(transfer.shares(), transfer.amount());
        } else if (event instanceof MergerAgreed merger) {
            if ("MERGED".equals(merger.role())) {
                members.leaving(merger.memberId(), merger.endsOn(), merger.successorMemberId());
                members.mergedAway(merger.memberId());
            } else {
                members.tookOver(merger.memberId(), merger.sharesTakenOver(), merger.capitalTakenOver());
            }
        } else if (event instanceof MemberAddressChanged moved) {
            members.moved(moved.memberId(), moved.address());
        } else if (event instanceof MembershipEnded ended) {
            members.ended(ended.memberId(), ended.endedOn(), ended.capitalToPayOut(), ended.payoutDueBy());
            payouts.due(
                    eventId, ended.memberId(), "EXIT", ended.endedOn(), ended.capitalToPayOut(), ended.payoutDueBy());
        } else if (event instanceof MembershipApplicationSubmitted
                || event instanceof MembershipApplicationApproved
                || event instanceof MembershipApplicationRejected
                || event instanceof MembershipApplicationWithdrawn) {
            // Applications are the board's business; billing starts with the admitted member.
        } else if (event instanceof CatalogServiceDefined defined) {
            catalog.define(defined);
        } else if (event instanceof CatalogServiceVersionPublished published) {
            catalog.publish(published);
        } else if (event instanceof ServiceSubscribed subscribed) {
            subscriptions.subscribe(subscribed);
        } else if (event instanceof SubscriptionQuantityChanged changed) {
            subscriptions.changeQuantity(changed);
        } else if (event instanceof SubscriptionCancelled cancelled) {
            subscriptions.cancel(cancelled);
        } else {
            throw new IllegalStateException("no handler for " + event.getClass().getSimpleName());
        }
    }

    private static int schemaVersion(IncomingRecord record) {
        var raw = record.header(Headers.SCHEMA_VERSION);
        if (raw == null) {
            throw new Unapplicable("malformed", "no " + Headers.SCHEMA_VERSION + " header");
        }
        try {
            return Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            throw new Unapplicable("malformed", "schema version '" + raw + "' is not a number");
        }
    }

    private static UUID eventId(IncomingRecord record) {
        var raw = record.header(Headers.EVENT_ID);
        if (raw == null) {
            throw new Unapplicable("malformed", "no " + Headers.EVENT_ID + " header");
        }
        try {
            return UUID.fromString(raw.strip());
        } catch (IllegalArgumentException e) {
            throw new Unapplicable("malformed", "event id '" + raw + "' is not a UUID");
        }
    }

    private static String rootMessage(Throwable e) {
        var root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
