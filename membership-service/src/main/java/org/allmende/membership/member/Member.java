package org.allmende.membership.member;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import org.allmende.events.membership.AdditionalSharesApproved;
import org.allmende.events.membership.CapitalPaymentRecorded;
import org.allmende.events.membership.CapitalTransferred;
import org.allmende.events.membership.MemberAddressChanged;
import org.allmende.events.membership.MemberAdmitted;
import org.allmende.events.membership.MemberExcluded;
import org.allmende.events.membership.MembershipEnded;
import org.allmende.events.membership.MergerAgreed;
import org.allmende.events.membership.NoticeGiven;
import org.allmende.events.membership.ServiceSubscribed;
import org.allmende.events.membership.SharesGivenUp;
import org.allmende.events.membership.SubscriptionCancelled;
import org.allmende.events.membership.SubscriptionQuantityChanged;
import org.allmende.events.money.Money;
import org.allmende.membership.catalog.ServiceCatalog;
import org.allmende.membership.member.MemberCommands.ApplyDueExit;
import org.allmende.membership.member.MemberCommands.ChangeAddress;
import org.allmende.membership.member.MemberCommands.DecideOnAdditionalShares;
import org.allmende.membership.member.MemberCommands.ExcludeMember;
import org.allmende.membership.member.MemberCommands.GiveNotice;
import org.allmende.membership.member.MemberCommands.RecordBillingCapitalPayment;
import org.allmende.membership.member.MemberCommands.RecordCapitalPayment;
import org.allmende.membership.member.MemberCommands.RecordPayout;
import org.allmende.membership.member.MemberCommands.ReportInhabitants;
import org.allmende.membership.member.MemberCommands.RequestAdditionalShares;
import org.allmende.membership.member.MemberEvents.AdditionalSharesDeclined;
import org.allmende.membership.member.MemberEvents.AdditionalSharesRequested;
import org.allmende.membership.member.MemberEvents.CapitalPaidOut;
import org.allmende.membership.member.MemberEvents.CapitalPaymentHeld;
import org.allmende.membership.member.MemberEvents.InhabitantsReported;
import org.allmende.membership.member.MemberEvents.ObligatorySharesProposed;
import org.allmende.membership.statutes.Statutes;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A member of the cooperative: its shares and paid-in capital (Geschäftsguthaben), notice, exclusion, transfers,
 * merger and the end of its membership (§§ 7, 15b, 65, 67b, 68, 73, 76, 77a GenG).
 */
@Aggregate
public class Member {

    enum Status {
        ACTIVE,
        LEAVING,
        ENDED
    }

    @AggregateIdentifier
    private UUID memberId;

    private long memberNumber;
    private Status status;
    private int shares;
    private BigDecimal paidInCapital = Money.ZERO;
    private Long inhabitants;
    private final Map<UUID, Integer> requests = new HashMap<>();
    private Integer sharesGivenNotice;
    private LocalDate partialNoticeEffectiveOn;
    private LocalDate leavingOn;
    private String leavingCause;
    private UUID successor;
    private LocalDate admittedOn;
    private final Subscriptions subscriptions = new Subscriptions();
    private final Set<Long> billingAllocations = new HashSet<>();
    private final Set<UUID> payouts = new HashSet<>();

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
                command.admittedOn(),
                command.ags(),
                command.inhabitants(),
                command.inhabitantsReferenceDate(),
                command.staffCount(),
                command.leitwegId()));
    }

    @CommandHandler
    void handle(RequestAdditionalShares command, Statutes statutes) {
        requireActive();
        if (command.shares() < 1) {
            throw new MemberRefused("shares-positive", "Ask for at least one share.");
        }
        if (!fullyPaid(statutes)) {
            throw new MemberRefused(
                    "earlier-shares-unpaid",
                    "Member " + memberNumber + " has paid in " + paidInCapital + " EUR of "
                            + subscribedCapital(statutes) + " EUR; further shares wait until the earlier ones are"
                            + " paid (§15b GenG).");
        }
        var pending = requests.values().stream().mapToInt(Integer::intValue).sum();
        if (shares + pending + command.shares() > statutes.shares().maximum()) {
            throw new MemberRefused(
                    "shares-above-maximum",
                    "With " + command.shares() + " more, member " + memberNumber + " would hold more than the"
                            + " maximum of " + statutes.shares().maximum() + " shares.");
        }
        apply(new AdditionalSharesRequested(
                memberId, command.requestId(), command.shares(), command.requestedOn(), command.requestedBy()));
    }

    @CommandHandler
    void handle(DecideOnAdditionalShares command) {
        requireActive();
        var requested = requests.get(command.requestId());
        if (requested == null) {
            throw new MemberRefused(
                    "no-such-request", "There is no open request " + command.requestId() + " for additional shares.");
        }
        if (command.approve()) {
            apply(new AdditionalSharesApproved(
                    memberId,
                    command.requestId(),
                    requested,
                    shares + requested,
                    command.decidedOn(),
                    command.decidedBy()));
        } else {
            apply(new AdditionalSharesDeclined(
                    memberId, command.requestId(), command.decidedOn(), command.decidedBy()));
        }
    }

    @CommandHandler
    void handle(RecordCapitalPayment command, Statutes statutes) {
        if (status == Status.ENDED) {
            throw new MemberRefused("membership-ended", "Member " + memberNumber + " has left the cooperative.");
        }
        var amount = Money.exact(command.amount());
        if (amount.signum() <= 0) {
            throw new MemberRefused("amount-positive", "A capital payment must be a positive amount.");
        }
        var after = paidInCapital.add(amount);
        if (after.compareTo(subscribedCapital(statutes)) > 0) {
            throw new MemberRefused(
                    "payment-above-subscribed-capital",
                    "With " + amount + " EUR, member " + memberNumber + " would have paid in " + after
                            + " EUR, more than the " + subscribedCapital(statutes) + " EUR of its " + shares
                            + " shares.");
        }
        apply(new CapitalPaymentRecorded(memberId, amount, command.paidOn(), command.reference(), after, null));
    }

    /**
     * Idempotent by billing's allocation id. What the shares can take is paid in; anything beyond the subscribed
     * capital (or after the membership ended) is held, visibly, for finance to sort out — never lost. A negative
     * amount (a direct debit came back) takes paid-in capital back, at most what there is.
     */
    @CommandHandler
    void handle(RecordBillingCapitalPayment command, Statutes statutes) {
        if (billingAllocations.contains(command.allocationId())) {
            return;
        }
        var amount = Money.exact(command.amount());
        if (amount.signum() == 0) {
            return;
        }
        var room = status == Status.ENDED
                ? Money.ZERO
                : subscribedCapital(statutes).subtract(paidInCapital).max(Money.ZERO);
        var recorded = amount.signum() > 0 ? amount.min(room) : amount.max(paidInCapital.negate());
        if (recorded.signum() != 0) {
            apply(new CapitalPaymentRecorded(
                    memberId,
                    recorded,
                    command.paidOn(),
                    command.reference(),
                    paidInCapital.add(recorded),
                    command.allocationId()));
        }
        var held = amount.subtract(recorded);
        if (held.signum() != 0) {
            apply(new CapitalPaymentHeld(
                    memberId,
                    command.allocationId(),
                    held,
                    command.paidOn(),
                    command.reference(),
                    status == Status.ENDED
                            ? "membership-ended"
                            : amount.signum() > 0
                                    ? "payment-above-subscribed-capital"
                                    : "return-above-paid-in-capital"));
        }
    }

    /** Idempotent by the payout's id; the capital owed goes down by what billing settled. */
    @CommandHandler
    void handle(RecordPayout command) {
        if (payouts.contains(command.payoutId())) {
            return;
        }
        apply(new CapitalPaidOut(
                memberId,
                command.payoutId(),
                command.cause(),
                Money.exact(command.capital()),
                Money.exact(command.netted()),
                Money.exact(command.paidOut()),
                command.paidOn(),
                command.reference()));
    }

    @CommandHandler
    void handle(ReportInhabitants command, Statutes statutes) {
        requireActive();
        apply(new InhabitantsReported(memberId, command.inhabitants(), command.referenceDate()));
        var obligatory = statutes.shares().policy().obligatoryShares(OptionalLong.of(command.inhabitants()));
        if (obligatory > shares) {
            apply(new ObligatorySharesProposed(memberId, obligatory, shares, command.referenceDate()));
        }
    }

    @CommandHandler
    void handle(GiveNotice command, Statutes statutes) {
        requireActive();
        var effectiveOn = statutes.exit().calendar().noticeEffectiveOn(command.givenOn());
        if (command.shares() == null) {
            apply(new NoticeGiven(memberId, null, command.givenOn(), effectiveOn));
            return;
        }
        if (sharesGivenNotice != null) {
            throw new MemberRefused(
                    "partial-notice-pending",
                    "Member " + memberNumber + " has already given notice of " + sharesGivenNotice
                            + " shares, effective " + partialNoticeEffectiveOn + ".");
        }
        var voluntary = shares - obligatoryShares(statutes);
        if (command.shares() < 1 || command.shares() > voluntary) {
            throw new MemberRefused(
                    "notice-beyond-voluntary-shares",
                    "Member " + memberNumber + " can give notice of at most " + Math.max(0, voluntary)
                            + " voluntary shares (§67b GenG); the obligatory shares go only with the membership.");
        }
        apply(new NoticeGiven(memberId, command.shares(), command.givenOn(), effectiveOn));
    }

    @CommandHandler
    void handle(ChangeAddress command) {
        if (status == Status.ENDED) {
            throw new MemberRefused("membership-ended", "Member " + memberNumber + " has left the cooperative.");
        }
        apply(new MemberAddressChanged(memberId, command.address(), command.effectiveOn()));
    }

    @CommandHandler
    void handle(ExcludeMember command, Statutes statutes) {
        requireActive();
        apply(new MemberExcluded(
                memberId,
                command.reason(),
                command.decidedOn(),
                command.decidedBy(),
                statutes.exit().calendar().endOfFiscalYear(command.decidedOn())));
    }

    /** Idempotent: a second run on the same day, or after a restart, finds nothing due and applies nothing. */
    @CommandHandler
    void handle(ApplyDueExit command, Statutes statutes) {
        var calendar = statutes.exit().calendar();
        if (sharesGivenNotice != null
                && partialNoticeEffectiveOn != null
                && !partialNoticeEffectiveOn.isAfter(command.today())
                && status == Status.ACTIVE) {
            var payout = Money.times(statutes.shares().nominalValue(), sharesGivenNotice)
                    .min(paidInCapital);
            apply(new SharesGivenUp(
                    memberId,
                    sharesGivenNotice,
                    shares - sharesGivenNotice,
                    partialNoticeEffectiveOn,
                    payout,
                    calendar.payoutDueBy(partialNoticeEffectiveOn)));
        }
        if (status == Status.LEAVING && !leavingOn.isAfter(command.today())) {
            var merged = successor != null;
            apply(new MembershipEnded(
                    memberId,
                    leavingOn,
                    leavingCause,
                    merged ? Money.ZERO : paidInCapital,
                    merged ? null : calendar.payoutDueBy(leavingOn),
                    successor));
        }
    }

    /** Called by {@link CapitalTransfers} and {@link Mergers}, which hold both members in one unit of work. */
    void transferOut(UUID to, int count, LocalDate agreedOn, Statutes statutes) {
        requireActive();
        var amount = Money.times(statutes.shares().nominalValue(), count);
        if (count < 1 || shares - count < obligatoryShares(statutes)) {
            throw new MemberRefused(
                    "transfer-below-obligatory-shares",
                    "Member " + memberNumber + " must keep its " + obligatoryShares(statutes)
                            + " obligatory shares; it can transfer at most " + (shares - obligatoryShares(statutes))
                            + ".");
        }
        if (paidInCapital.compareTo(amount) < 0) {
            throw new MemberRefused(
                    "transfer-above-paid-in-capital",
                    "Member " + memberNumber + " has paid in " + paidInCapital + " EUR; only fully paid shares"
                            + " can be transferred (" + amount + " EUR needed).");
        }
        apply(new CapitalTransferred(
                memberId, to, "OUT", count, amount, shares - count, paidInCapital.subtract(amount), agreedOn));
    }

    void transferIn(UUID from, int count, LocalDate agreedOn, Statutes statutes) {
        requireActive();
        if (shares + count > statutes.shares().maximum()) {
            throw new MemberRefused(
                    "shares-above-maximum",
                    "Member " + memberNumber + " would hold " + (shares + count) + " shares, more than the maximum of "
                            + statutes.shares().maximum() + ".");
        }
        var amount = Money.times(statutes.shares().nominalValue(), count);
        apply(new CapitalTransferred(
                memberId, from, "IN", count, amount, shares + count, paidInCapital.add(amount), agreedOn));
    }

    /**
     * Merges this member into the successor: its shares and capital go over at once (returned for the successor),
     * and so do its running subscriptions, which end here the day before the merger (§77a GenG).
     */
    MergerAgreed mergeInto(UUID successorId, LocalDate agreedOn, Statutes statutes) {
        requireActive();
        if (successorId.equals(memberId)) {
            throw new MemberRefused("merger-into-itself", "A member cannot be merged into itself.");
        }
        var merged = new MergerAgreed(
                memberId,
                memberId,
                successorId,
                "MERGED",
                shares,
                paidInCapital,
                agreedOn,
                statutes.exit().calendar().endOfFiscalYear(agreedOn));
        apply(merged);
        return merged;
    }

    /** The subscriptions the successor takes over; they end here on the day before the merger. */
    java.util.List<Subscriptions.Running> handOverSubscriptions(LocalDate agreedOn) {
        var running = subscriptions.runningOn(agreedOn);
        for (var subscription : running) {
            var lastDay = agreedOn.minusDays(1);
            if (lastDay.isBefore(subscription.latestChange())) {
                lastDay = subscription.latestChange();
            }
            apply(new SubscriptionCancelled(memberId, memberNumber, subscription.serviceCode(), lastDay));
        }
        return running;
    }

    /** A merged member's subscriptions continue here: a service this member has already gets the sum. */
    void continueSubscriptions(java.util.List<Subscriptions.Running> takenOver, LocalDate agreedOn) {
        for (var subscription : takenOver) {
            var own = subscriptions.running(subscription.serviceCode(), agreedOn);
            if (own.isEmpty()) {
                apply(new ServiceSubscribed(
                        memberId, memberNumber, subscription.serviceCode(), subscription.quantity(), agreedOn));
            } else {
                var from =
                        agreedOn.isBefore(own.get().latestChange()) ? own.get().latestChange() : agreedOn;
                apply(new SubscriptionQuantityChanged(
                        memberId,
                        memberNumber,
                        subscription.serviceCode(),
                        own.get().quantity() + subscription.quantity(),
                        from));
            }
        }
    }

    void takeOver(MergerAgreed merged) {
        requireActive();
        apply(new MergerAgreed(
                memberId,
                merged.mergedMemberId(),
                memberId,
                "SUCCESSOR",
                merged.sharesTakenOver(),
                merged.capitalTakenOver(),
                merged.agreedOn(),
                merged.endsOn()));
    }

    private int obligatoryShares(Statutes statutes) {
        return statutes.shares()
                .policy()
                .obligatoryShares(inhabitants == null ? OptionalLong.empty() : OptionalLong.of(inhabitants));
    }

    private BigDecimal subscribedCapital(Statutes statutes) {
        return Money.times(statutes.shares().nominalValue(), shares);
    }

    private boolean fullyPaid(Statutes statutes) {
        return paidInCapital.compareTo(subscribedCapital(statutes)) >= 0;
    }

    private void requireActive() {
        if (status != Status.ACTIVE) {
            throw new MemberRefused(
                    status == Status.LEAVING ? "membership-ending" : "membership-ended",
                    "Member " + memberNumber + (status == Status.LEAVING ? " is leaving on " + leavingOn : " has left")
                            + "; this is no longer possible.");
        }
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
        inhabitants = event.inhabitants();
        admittedOn = event.admittedOn();
        status = Status.ACTIVE;
    }

    @EventSourcingHandler
    void on(AdditionalSharesRequested event) {
        requests.put(event.requestId(), event.shares());
    }

    @EventSourcingHandler
    void on(AdditionalSharesApproved event) {
        requests.remove(event.requestId());
        shares = event.totalShares();
    }

    @EventSourcingHandler
    void on(AdditionalSharesDeclined event) {
        requests.remove(event.requestId());
    }

    @EventSourcingHandler
    void on(CapitalPaymentRecorded event) {
        paidInCapital = event.paidInCapital();
        if (event.billingAllocationId() != null) {
            billingAllocations.add(event.billingAllocationId());
        }
    }

    @EventSourcingHandler
    void on(CapitalPaymentHeld event) {
        billingAllocations.add(event.allocationId());
    }

    @EventSourcingHandler
    void on(CapitalPaidOut event) {
        payouts.add(event.payoutId());
    }

    @EventSourcingHandler
    void on(InhabitantsReported event) {
        inhabitants = event.inhabitants();
    }

    @EventSourcingHandler
    void on(NoticeGiven event) {
        if (event.shares() == null) {
            status = Status.LEAVING;
            leavingOn = event.effectiveOn();
            leavingCause = "NOTICE";
        } else {
            sharesGivenNotice = event.shares();
            partialNoticeEffectiveOn = event.effectiveOn();
        }
    }

    @EventSourcingHandler
    void on(MemberExcluded event) {
        status = Status.LEAVING;
        leavingOn = event.effectiveOn();
        leavingCause = "EXCLUSION";
    }

    @EventSourcingHandler
    void on(SharesGivenUp event) {
        shares = event.remainingShares();
        paidInCapital = paidInCapital.subtract(event.capitalToPayOut());
        sharesGivenNotice = null;
        partialNoticeEffectiveOn = null;
    }

    @EventSourcingHandler
    void on(CapitalTransferred event) {
        shares = event.sharesAfter();
        paidInCapital = event.paidInCapitalAfter();
    }

    @EventSourcingHandler
    void on(MergerAgreed event) {
        if ("MERGED".equals(event.role())) {
            status = Status.LEAVING;
            leavingOn = event.endsOn();
            leavingCause = "MERGER";
            successor = event.successorMemberId();
            shares = 0;
            paidInCapital = Money.ZERO;
        } else {
            shares += event.sharesTakenOver();
            paidInCapital = paidInCapital.add(event.capitalTakenOver());
        }
    }

    @EventSourcingHandler
    void on(MembershipEnded event) {
        status = Status.ENDED;
        paidInCapital = Money.ZERO;
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
