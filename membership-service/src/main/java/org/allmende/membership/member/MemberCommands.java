package org.allmende.membership.member;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** What can be asked of a member: shares, capital, notice, exclusion, the end of the membership. */
public final class MemberCommands {

    private MemberCommands() {}

    /** The member (or the board for it) asks for voluntary shares; the board decides (§15b GenG). */
    public record RequestAdditionalShares(
            @TargetAggregateIdentifier UUID memberId,
            UUID requestId,
            int shares,
            LocalDate requestedOn,
            String requestedBy,
            @TargetAggregateVersion Long expectedVersion) {}

    public record DecideOnAdditionalShares(
            @TargetAggregateIdentifier UUID memberId,
            UUID requestId,
            boolean approve,
            LocalDate decidedOn,
            String decidedBy,
            @TargetAggregateVersion Long expectedVersion) {}

    /**
     * Finance records a payment on shares by hand: for capital paid before billing took payments in, or not
     * through billing (ADR 0024).
     */
    public record RecordCapitalPayment(
            @TargetAggregateIdentifier UUID memberId, BigDecimal amount, LocalDate paidOn, String reference) {}

    /**
     * Billing allocated money to a capital call of the member ({@code allocationId}, unique in billing): recorded
     * once, whatever is redelivered; negative when a direct debit came back.
     */
    public record RecordBillingCapitalPayment(
            @TargetAggregateIdentifier UUID memberId,
            long allocationId,
            BigDecimal amount,
            LocalDate paidOn,
            String reference) {}

    /** Billing paid out capital owed to the member after exit or given-up shares (§73 GenG); once per payout. */
    public record RecordPayout(
            @TargetAggregateIdentifier UUID memberId,
            UUID payoutId,
            String cause,
            BigDecimal capital,
            BigDecimal netted,
            BigDecimal paidOut,
            LocalDate paidOn,
            String reference) {}

    /** New inhabitants figures; if they call for more obligatory shares, that is proposed to the board. */
    public record ReportInhabitants(
            @TargetAggregateIdentifier UUID memberId, long inhabitants, LocalDate referenceDate) {}

    /** Notice of the whole membership ({@code shares} null) or of some voluntary shares. */
    public record GiveNotice(
            @TargetAggregateIdentifier UUID memberId,
            Integer shares,
            LocalDate givenOn,
            @TargetAggregateVersion Long expectedVersion) {}

    public record ExcludeMember(
            @TargetAggregateIdentifier UUID memberId,
            String reason,
            LocalDate decidedOn,
            String decidedBy,
            @TargetAggregateVersion Long expectedVersion) {}

    /** A new address for the register, taking effect on a date (may lie ahead). */
    public record ChangeAddress(
            @TargetAggregateIdentifier UUID memberId,
            org.allmende.events.membership.PostalAddress address,
            LocalDate effectiveOn,
            @TargetAggregateVersion Long expectedVersion) {}

    /** Sent daily by the clock: applies whatever exit or partial notice has become effective by {@code today}. */
    public record ApplyDueExit(@TargetAggregateIdentifier UUID memberId, LocalDate today) {}
}
