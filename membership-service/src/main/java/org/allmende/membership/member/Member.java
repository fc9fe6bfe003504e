package org.allmende.membership.member;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.allmende.events.membership.MemberAdmitted;
import org.allmende.events.membership.ServiceSubscribed;
import org.allmende.events.membership.SubscriptionCancelled;
import org.allmende.events.membership.SubscriptionQuantityChanged;
import org.allmende.membership.catalog.EffectivePeriod;
import org.allmende.membership.catalog.ServiceCatalog;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;

/** A member of the cooperative: its number, shares, the services it subscribes to and, later, capital and exit. */
@Aggregate
public class Member {

    @AggregateIdentifier
    private UUID memberId;

    private long memberNumber;
    private int shares;
    private LocalDate admittedOn;
    private MemberStatus status;

    /** By service code: the latest subscription of each service (earlier ones ended before it began). */
    private final Map<String, Subscription> subscriptions = new HashMap<>();

    /** One subscription: its days, the day of its latest dated change (start or quantity), its quantity now. */
    private record Subscription(EffectivePeriod period, LocalDate latestChange, int quantity) {}

    protected Member() {}

    public Member(AdmitMember command) {
        if (command.shares() < 1) {
            throw new IllegalArgumentException("a member holds at least one share");
        }
        apply(new MemberAdmitted(
                command.memberId(),
                command.memberNumber(),
                command.applicationId(),
                command.name(),
                command.bodyKind(),
                command.address(),
                command.shares(),
                command.admittedOn()));
    }

    /** Returns the member's version after the change. */
    @CommandHandler
    public Long handle(SubscribeToService command, ServiceCatalog catalog) {
        var code = command.serviceCode();
        var from = command.effectiveFrom();
        requireActive();
        requirePositive(command.quantity());
        requireNotBeforeAdmission(from);
        if (!catalog.offers(code, from)) {
            throw SubscriptionRefused.notInCatalog(code, from);
        }
        var existing = subscriptions.get(code);
        if (existing != null && existing.period().overlaps(EffectivePeriod.startingOn(from))) {
            throw SubscriptionRefused.alreadySubscribed(code, existing.period());
        }
        apply(new ServiceSubscribed(memberId, memberNumber, code, command.quantity(), from));
        return AggregateLifecycle.getVersion();
    }

    /** Returns the member's version after the change; the same quantity again changes nothing. */
    @CommandHandler
    public Long handle(ChangeSubscriptionQuantity command) {
        var code = command.serviceCode();
        var from = command.effectiveFrom();
        requireActive();
        requirePositive(command.quantity());
        requireNotBeforeAdmission(from);
        var subscription = subscriptions.get(code);
        if (subscription == null || !subscription.period().contains(from)) {
            throw SubscriptionRefused.notSubscribed(code, from);
        }
        requireNotBeforeLatestChange(code, subscription, from);
        if (subscription.quantity() != command.quantity()) {
            apply(new SubscriptionQuantityChanged(memberId, memberNumber, code, command.quantity(), from));
        }
        return AggregateLifecycle.getVersion();
    }

    /** Returns the member's version after the change. */
    @CommandHandler
    public Long handle(CancelSubscription command) {
        var code = command.serviceCode();
        var lastDay = command.effectiveTo();
        requireActive();
        requireNotBeforeAdmission(lastDay);
        var subscription = subscriptions.get(code);
        if (subscription == null || !subscription.period().isOpen()) {
            throw SubscriptionRefused.notSubscribed(code, lastDay);
        }
        requireNotBeforeLatestChange(code, subscription, lastDay);
        apply(new SubscriptionCancelled(memberId, memberNumber, code, lastDay));
        return AggregateLifecycle.getVersion();
    }

    private void requireActive() {
        if (!status.isActive()) {
            throw SubscriptionRefused.memberNotActive(memberNumber, status);
        }
    }

    private static void requirePositive(int quantity) {
        if (quantity < 1) {
            throw SubscriptionRefused.quantityNotPositive(quantity);
        }
    }

    private void requireNotBeforeAdmission(LocalDate day) {
        if (day.isBefore(admittedOn)) {
            throw SubscriptionRefused.beforeAdmission(memberNumber, day, admittedOn);
        }
    }

    private static void requireNotBeforeLatestChange(String code, Subscription subscription, LocalDate day) {
        if (day.isBefore(subscription.latestChange())) {
            throw SubscriptionRefused.beforeLatestChange(code, day, subscription.latestChange());
        }
    }

    @EventSourcingHandler
    void on(MemberAdmitted event) {
        memberId = event.memberId();
        memberNumber = event.memberNumber();
        shares = event.shares();
        admittedOn = event.admittedOn();
        status = MemberStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(ServiceSubscribed event) {
        subscriptions.put(
                event.serviceCode(),
                new Subscription(
                        EffectivePeriod.startingOn(event.effectiveFrom()), event.effectiveFrom(), event.quantity()));
    }

    @EventSourcingHandler
    void on(SubscriptionQuantityChanged event) {
        subscriptions.computeIfPresent(
                event.serviceCode(),
                (code, s) -> new Subscription(s.period(), event.effectiveFrom(), event.quantity()));
    }

    @EventSourcingHandler
    void on(SubscriptionCancelled event) {
        subscriptions.computeIfPresent(
                event.serviceCode(),
                (code, s) ->
                        new Subscription(s.period().endingOn(event.effectiveTo()), s.latestChange(), s.quantity()));
    }
}
