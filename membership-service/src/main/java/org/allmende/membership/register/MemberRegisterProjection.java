package org.allmende.membership.register;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
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
import org.allmende.events.membership.SharesGivenUp;
import org.allmende.membership.config.AxonConfig;
import org.allmende.membership.member.MemberEvents.AdditionalSharesDeclined;
import org.allmende.membership.member.MemberEvents.AdditionalSharesRequested;
import org.allmende.membership.member.MemberEvents.CapitalPaidOut;
import org.allmende.membership.member.MemberEvents.CapitalPaymentHeld;
import org.allmende.membership.member.MemberEvents.InhabitantsReported;
import org.allmende.membership.member.MemberEvents.ObligatorySharesProposed;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The member register (§30 GenG): the current entry of each member, and each change with the date it takes effect
 * and the moment it was recorded (the event's timestamp), so the register can be read as of any date. Idempotent:
 * a change row is keyed by its event id.
 */
@Component
@ProcessingGroup(AxonConfig.REGISTER)
class MemberRegisterProjection {

    private final JdbcTemplate jdbc;

    MemberRegisterProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(MemberAdmitted event, EventMessage<?> message) {
        var address = event.address();
        jdbc.update(
                """
                insert into member_register (member_id, member_number, application_id, name, body_kind, street,
                    postal_code, city, country, shares, joined_on, recorded_at, ags, inhabitants,
                    inhabitants_reference_date, staff_count, leitweg_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (member_id) do nothing
                """,
                event.memberId(),
                event.memberNumber(),
                event.applicationId(),
                event.name(),
                event.bodyKind().name(),
                address.street(),
                address.postalCode(),
                address.city(),
                address.country(),
                event.shares(),
                Date.valueOf(event.admittedOn()),
                Timestamp.from(message.getTimestamp()),
                event.ags(),
                event.inhabitants(),
                date(event.inhabitantsReferenceDate()),
                event.staffCount(),
                event.leitwegId());
        change(message, event.memberId(), "JOINED", "Joined with " + event.shares() + " shares", event.admittedOn());
    }

    @EventHandler
    void on(AdditionalSharesRequested event) {
        jdbc.update(
                """
                insert into share_request (request_id, member_id, kind, shares, requested_on, requested_by, status)
                values (?, ?, 'REQUEST', ?, ?, ?, 'OPEN') on conflict do nothing
                """,
                event.requestId(),
                event.memberId(),
                event.shares(),
                Date.valueOf(event.requestedOn()),
                event.requestedBy());
    }

    @EventHandler
    void on(ObligatorySharesProposed event, EventMessage<?> message) {
        jdbc.update(
                """
                insert into share_request (request_id, member_id, kind, shares, requested_on, requested_by, status)
                values (?, ?, 'PROPOSAL', ?, ?, 'inhabitants', 'OPEN') on conflict do nothing
                """,
                UUID.fromString(message.getIdentifier()),
                event.memberId(),
                event.obligatoryShares() - event.heldShares(),
                Date.valueOf(event.proposedOn()));
    }

    @EventHandler
    void on(AdditionalSharesApproved event, EventMessage<?> message) {
        decide(event.requestId(), "APPROVED", event.decidedOn(), event.decidedBy());
        jdbc.update("update member_register set shares = ? where member_id = ?", event.totalShares(), event.memberId());
        change(
                message,
                event.memberId(),
                "SHARES",
                event.shares() + " additional shares approved by the board; " + event.totalShares() + " in all",
                event.decidedOn());
    }

    @EventHandler
    void on(AdditionalSharesDeclined event) {
        decide(event.requestId(), "DECLINED", event.decidedOn(), event.decidedBy());
    }

    @EventHandler
    void on(CapitalPaymentRecorded event, EventMessage<?> message) {
        jdbc.update(
                "update member_register set paid_in_capital = ? where member_id = ?",
                event.paidInCapital(),
                event.memberId());
        change(
                message,
                event.memberId(),
                "CAPITAL",
                (event.amount().signum() < 0 ? "Taken back " + event.amount().negate() : "Paid in " + event.amount())
                        + " EUR" + (event.reference() == null ? "" : " (" + event.reference() + ")"),
                event.paidOn());
    }

    @EventHandler
    void on(CapitalPaymentHeld event, EventMessage<?> message) {
        jdbc.update(
                """
                insert into capital_payment_held (allocation_id, member_id, member_number, amount, paid_on, reference,
                    reason, recorded_at)
                select ?, member_id, member_number, ?, ?, ?, ?, ? from member_register where member_id = ?
                on conflict (allocation_id) do nothing
                """,
                event.allocationId(),
                event.amount(),
                Date.valueOf(event.paidOn()),
                event.reference(),
                event.reason(),
                Timestamp.from(message.getTimestamp()),
                event.memberId());
        jdbc.update(
                "update member_register set capital_held = capital_held + ? where member_id = ?",
                event.amount(),
                event.memberId());
        change(
                message,
                event.memberId(),
                "CAPITAL",
                event.amount() + " EUR from billing (" + event.reference() + ") held: " + event.reason(),
                event.paidOn());
    }

    @EventHandler
    void on(CapitalPaidOut event, EventMessage<?> message) {
        jdbc.update(
                "update member_register set capital_to_pay_out = greatest(capital_to_pay_out - ?, 0)"
                        + " where member_id = ?",
                event.capital(),
                event.memberId());
        change(
                message,
                event.memberId(),
                "PAYOUT",
                "Capital of " + event.capital() + " EUR paid out (§73 GenG): " + event.netted()
                        + " EUR set off against open items, " + event.paidOut() + " EUR transferred ("
                        + event.reference() + ")",
                event.paidOn());
    }

    @EventHandler
    void on(InhabitantsReported event) {
        jdbc.update(
                "update member_register set inhabitants = ?, inhabitants_reference_date = ? where member_id = ?",
                event.inhabitants(),
                Date.valueOf(event.referenceDate()),
                event.memberId());
    }

    @EventHandler
    void on(NoticeGiven event, EventMessage<?> message) {
        if (event.shares() == null) {
            jdbc.update(
                    "update member_register set status = 'LEAVING', leaving_on = ?, leaving_cause = 'NOTICE'"
                            + " where member_id = ?",
                    Date.valueOf(event.effectiveOn()),
                    event.memberId());
            change(
                    message,
                    event.memberId(),
                    "NOTICE",
                    "Notice of membership given, effective " + event.effectiveOn(),
                    event.givenOn());
        } else {
            jdbc.update(
                    "update member_register set partial_notice_shares = ?, partial_notice_effective_on = ?"
                            + " where member_id = ?",
                    event.shares(),
                    Date.valueOf(event.effectiveOn()),
                    event.memberId());
            change(
                    message,
                    event.memberId(),
                    "NOTICE",
                    "Notice of " + event.shares() + " voluntary shares given, effective " + event.effectiveOn(),
                    event.givenOn());
        }
    }

    /** The entry shows the latest recorded address; the register read as of a date shows that date's. */
    @EventHandler
    void on(MemberAddressChanged event, EventMessage<?> message) {
        var address = event.address();
        jdbc.update(
                "update member_register set street = ?, postal_code = ?, city = ?, country = ? where member_id = ?",
                address.street(),
                address.postalCode(),
                address.city(),
                address.country(),
                event.memberId());
        change(
                message,
                event.memberId(),
                "ADDRESS",
                "Address: " + address.street() + ", " + address.postalCode() + " " + address.city(),
                event.effectiveOn());
    }

    @EventHandler
    void on(MemberExcluded event, EventMessage<?> message) {
        jdbc.update(
                "update member_register set status = 'LEAVING', leaving_on = ?, leaving_cause = 'EXCLUSION'"
                        + " where member_id = ?",
                Date.valueOf(event.effectiveOn()),
                event.memberId());
        change(
                message,
                event.memberId(),
                "EXCLUSION",
                "Excluded by the board (" + event.reason() + "), effective " + event.effectiveOn(),
                event.decidedOn());
    }

    @EventHandler
    void on(SharesGivenUp event, EventMessage<?> message) {
        jdbc.update(
                "update member_register set shares = ?, paid_in_capital = paid_in_capital - ?,"
                        + " capital_to_pay_out = capital_to_pay_out + ?,"
                        + " partial_notice_shares = null, partial_notice_effective_on = null where member_id = ?",
                event.remainingShares(),
                event.capitalToPayOut(),
                event.capitalToPayOut(),
                event.memberId());
        change(
                message,
                event.memberId(),
                "SHARES",
                event.shares() + " shares given up; " + event.capitalToPayOut() + " EUR due by " + event.payoutDueBy(),
                event.effectiveOn());
    }

    @EventHandler
    void on(CapitalTransferred event, EventMessage<?> message) {
        jdbc.update(
                "update member_register set shares = ?, paid_in_capital = ? where member_id = ?",
                event.sharesAfter(),
                event.paidInCapitalAfter(),
                event.memberId());
        var counterpart = memberNumber(event.counterpartMemberId());
        change(
                message,
                event.memberId(),
                "TRANSFER",
                ("OUT".equals(event.direction()) ? "Transferred " : "Received ") + event.shares() + " shares ("
                        + event.amount() + " EUR) " + ("OUT".equals(event.direction()) ? "to" : "from")
                        + " member " + counterpart + " (§76 GenG)",
                event.agreedOn());
    }

    @EventHandler
    void on(MergerAgreed event, EventMessage<?> message) {
        if ("MERGED".equals(event.role())) {
            jdbc.update(
                    "update member_register set status = 'LEAVING', leaving_on = ?, leaving_cause = 'MERGER',"
                            + " successor_member_id = ?, shares = 0, paid_in_capital = 0 where member_id = ?",
                    Date.valueOf(event.endsOn()),
                    event.successorMemberId(),
                    event.memberId());
            change(
                    message,
                    event.memberId(),
                    "MERGER",
                    "Merged into member " + memberNumber(event.successorMemberId()) + ", which took over "
                            + event.sharesTakenOver() + " shares and " + event.capitalTakenOver()
                            + " EUR; membership ends " + event.endsOn(),
                    event.agreedOn());
        } else {
            jdbc.update(
                    "update member_register set shares = shares + ?, paid_in_capital = paid_in_capital + ?"
                            + " where member_id = ?",
                    event.sharesTakenOver(),
                    event.capitalTakenOver(),
                    event.memberId());
            change(
                    message,
                    event.memberId(),
                    "MERGER",
                    "Took over member " + memberNumber(event.mergedMemberId()) + " with " + event.sharesTakenOver()
                            + " shares and " + event.capitalTakenOver() + " EUR (§77a GenG)",
                    event.agreedOn());
        }
    }

    @EventHandler
    void on(MembershipEnded event, EventMessage<?> message) {
        jdbc.update(
                "update member_register set status = 'ENDED', ended_on = ?, paid_in_capital = 0,"
                        + " capital_to_pay_out = capital_to_pay_out + ? where member_id = ?",
                Date.valueOf(event.endedOn()),
                event.capitalToPayOut(),
                event.memberId());
        change(
                message,
                event.memberId(),
                "EXIT",
                "Membership ended (" + event.cause().toLowerCase() + ")"
                        + (event.payoutDueBy() == null
                                ? ""
                                : "; " + event.capitalToPayOut() + " EUR to be paid out by " + event.payoutDueBy()),
                event.endedOn());
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from register_change");
        jdbc.update("delete from capital_payment_held");
        jdbc.update("delete from share_request");
        jdbc.update("delete from member_register");
    }

    private void decide(UUID requestId, String status, LocalDate decidedOn, String decidedBy) {
        jdbc.update(
                "update share_request set status = ?, decided_on = ?, decided_by = ? where request_id = ?",
                status,
                Date.valueOf(decidedOn),
                decidedBy,
                requestId);
    }

    /** A change row with the entry as it is after the change. */
    private void change(
            EventMessage<?> message, UUID memberId, String kind, String description, LocalDate effectiveOn) {
        jdbc.update(
                """
                insert into register_change (event_id, member_id, member_number, kind, description, shares_after,
                    capital_after, status_after, effective_on, recorded_at, street, postal_code, city, country)
                select ?, member_id, member_number, ?, ?, shares, paid_in_capital, status, ?, ?,
                    street, postal_code, city, country
                from member_register where member_id = ?
                on conflict (event_id) do nothing
                """,
                message.getIdentifier(),
                kind,
                description,
                Date.valueOf(effectiveOn),
                Timestamp.from(message.getTimestamp()),
                memberId);
    }

    private Long memberNumber(UUID memberId) {
        return jdbc
                .queryForList("select member_number from member_register where member_id = ?", Long.class, memberId)
                .stream()
                .findFirst()
                .orElse(null);
    }

    private static Date date(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }
}
