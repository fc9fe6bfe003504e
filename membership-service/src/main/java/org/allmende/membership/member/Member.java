package org.allmende.membership.member;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.util.UUID;
import org.allmende.events.membership.MemberAdmitted;
import org.allmende.events.membership.ServiceSubscribed;
import org.allmende.events.membership.SubscriptionCancelled;
import org.allmende.events.membership.SubscriptionQuantityChanged;
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

    private final Subscriptions subscriptions = new Subscriptions();

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
        requireActive();
        requireNotBeforeAdmission(command.effectiveFrom());
        subscriptions.requireCanSubscribe(command.serviceCode(), command.quantity(), command.effectiveFrom(), catalog);
        apply(new ServiceSubscribed(
                memberId, memberNumber, command.serviceCode(), command.quantity(), command.effectiveFrom()));
        return AggregateLifecycle.getVersion();
    }

    /** Returns the member's version after the change; the same quantity again changes nothing. */
    @CommandHandler
    public Long handle(ChangeSubscriptionQuantity command) {
        requireActive();
        requireNotBeforeAdmission(command.effectiveFrom());
        if (subscriptions.requireCanChangeQuantity(
                command.serviceCode(), command.quantity(), command.effectiveFrom())) {
            apply(new SubscriptionQuantityChanged(
                    memberId, memberNumber, command.serviceCode(), command.quantity(), command.effectiveFrom()));
        }
        return AggregateLifecycle.getVersion();
    }

    /** Returns the member's version after the change. */
    @CommandHandler
    public Long handle(CancelSubscription command) {
        requireActive();
        requireNotBeforeAdmission(command.effectiveTo());
        subscriptions.requireCanCancel(command.serviceCode(), command.effectiveTo());
        apply(new SubscriptionCancelled(memberId, memberNumber, command.serviceCode(), command.effectiveTo()));
        return AggregateLifecycle.getVersion();
    }

    private void requireActive() {
        if (!status.isActive()) {
            throw SubscriptionRefused.memberNotActive(memberNumber, status);
        }
    }

    private void requireNotBeforeAdmission(LocalDate day) {
        if (day.isBefore(admittedOn)) {
            throw SubscriptionRefused.beforeAdmission(memberNumber, day, admittedOn);
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
        subscriptions.record(event);
    }

    @EventSourcingHandler
    void on(SubscriptionQuantityChanged event) {
        subscriptions.record(event);
    }

    @EventSourcingHandler
    void on(SubscriptionCancelled event) {
        subscriptions.record(event);
    }
}
