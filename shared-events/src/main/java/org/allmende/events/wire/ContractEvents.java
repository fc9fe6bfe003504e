package org.allmende.events.wire;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.allmende.events.billing.CapitalCallIssued;
import org.allmende.events.billing.CreditNoteIssued;
import org.allmende.events.billing.DunningLevelReached;
import org.allmende.events.billing.InvoiceIssued;
import org.allmende.events.billing.PaymentAllocated;
import org.allmende.events.billing.PaymentReceived;
import org.allmende.events.billing.PayoutMade;
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

/** The registry of every event in the contract. Adding an event means adding it here and a golden sample. */
public final class ContractEvents {

    private static final List<EventType> ALL = List.of(
            new EventType("MembershipApplicationSubmitted", 1, Topics.MEMBERSHIP, MembershipApplicationSubmitted.class),
            new EventType("MembershipApplicationApproved", 1, Topics.MEMBERSHIP, MembershipApplicationApproved.class),
            new EventType("MembershipApplicationRejected", 1, Topics.MEMBERSHIP, MembershipApplicationRejected.class),
            new EventType("MembershipApplicationWithdrawn", 1, Topics.MEMBERSHIP, MembershipApplicationWithdrawn.class),
            new EventType("MemberAdmitted", 1, Topics.MEMBERSHIP, MemberAdmitted.class),
            new EventType("AdditionalSharesApproved", 1, Topics.MEMBERSHIP, AdditionalSharesApproved.class),
            new EventType("CapitalPaymentRecorded", 1, Topics.MEMBERSHIP, CapitalPaymentRecorded.class),
            new EventType("NoticeGiven", 1, Topics.MEMBERSHIP, NoticeGiven.class),
            new EventType("MemberExcluded", 1, Topics.MEMBERSHIP, MemberExcluded.class),
            new EventType("SharesGivenUp", 1, Topics.MEMBERSHIP, SharesGivenUp.class),
            new EventType("MembershipEnded", 1, Topics.MEMBERSHIP, MembershipEnded.class),
            new EventType("CapitalTransferred", 1, Topics.MEMBERSHIP, CapitalTransferred.class),
            new EventType("MergerAgreed", 1, Topics.MEMBERSHIP, MergerAgreed.class),
            new EventType("MemberAddressChanged", 1, Topics.MEMBERSHIP, MemberAddressChanged.class),
            new EventType("UsageRecorded", 1, Topics.USAGE, UsageRecorded.class),
            new EventType("CatalogServiceDefined", 1, Topics.MEMBERSHIP, CatalogServiceDefined.class),
            new EventType("CatalogServiceVersionPublished", 1, Topics.MEMBERSHIP, CatalogServiceVersionPublished.class),
            new EventType("ServiceSubscribed", 1, Topics.MEMBERSHIP, ServiceSubscribed.class),
            new EventType("SubscriptionQuantityChanged", 1, Topics.MEMBERSHIP, SubscriptionQuantityChanged.class),
            new EventType("SubscriptionCancelled", 1, Topics.MEMBERSHIP, SubscriptionCancelled.class),
            new EventType("InvoiceIssued", 1, Topics.BILLING, InvoiceIssued.class),
            new EventType("CreditNoteIssued", 1, Topics.BILLING, CreditNoteIssued.class),
            new EventType("CapitalCallIssued", 1, Topics.BILLING, CapitalCallIssued.class),
            new EventType("PaymentReceived", 1, Topics.BILLING, PaymentReceived.class),
            new EventType("PaymentAllocated", 1, Topics.BILLING, PaymentAllocated.class),
            new EventType("PayoutMade", 1, Topics.BILLING, PayoutMade.class),
            new EventType("DunningLevelReached", 1, Topics.BILLING, DunningLevelReached.class));

    private static final Map<String, EventType> BY_NAME =
            ALL.stream().collect(Collectors.toUnmodifiableMap(EventType::name, Function.identity()));
    private static final Map<Class<?>, EventType> BY_CLASS =
            ALL.stream().collect(Collectors.toUnmodifiableMap(EventType::recordClass, Function.identity()));

    private ContractEvents() {}

    public static List<EventType> all() {
        return ALL;
    }

    public static Optional<EventType> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public static Optional<EventType> byClass(Class<?> recordClass) {
        return Optional.ofNullable(BY_CLASS.get(recordClass));
    }
}
