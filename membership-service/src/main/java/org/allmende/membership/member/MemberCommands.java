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

    /** Finance records a payment on shares, until billing publishes payments itself. */
    public record RecordCapitalPayment(
            @TargetAggregateIdentifier UUID memberId, BigDecimal amount, LocalDate paidOn, String reference) {}

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
