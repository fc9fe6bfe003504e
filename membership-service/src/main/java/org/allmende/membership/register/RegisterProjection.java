package org.allmende.membership.register;

import java.sql.Date;
import org.allmende.events.membership.MembershipApplicationApproved;
import org.allmende.events.membership.MembershipApplicationRejected;
import org.allmende.events.membership.MembershipApplicationSubmitted;
import org.allmende.events.membership.MembershipApplicationWithdrawn;
import org.allmende.membership.admission.BoardVoteCast;
import org.allmende.membership.admission.ConflictOfInterestDeclared;
import org.allmende.membership.config.AxonConfig;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The board's views: applications and the member register. Written in the tracking processor's transaction
 * together with its token, so each event counts exactly once; upserts keep a replay harmless.
 */
@Component
@ProcessingGroup(AxonConfig.REGISTER)
class RegisterProjection {

    private final JdbcTemplate jdbc;

    RegisterProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(MembershipApplicationSubmitted event) {
        var address = event.address();
        jdbc.update(
                """
                insert into application_view (application_id, applicant_name, body_kind, street, postal_code, city,
                    country, requested_shares, submitted_on, status, ags, inhabitants, inhabitants_reference_date,
                    staff_count, leitweg_id, requested_services, statutes_version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?, ?, ?, ?, ?, ?)
                on conflict (application_id) do nothing
                """,
                event.applicationId(),
                event.applicantName(),
                event.bodyKind().name(),
                address.street(),
                address.postalCode(),
                address.city(),
                address.country(),
                event.requestedShares(),
                Date.valueOf(event.submittedOn()),
                event.ags(),
                event.inhabitants(),
                date(event.inhabitantsReferenceDate()),
                event.staffCount(),
                event.leitwegId(),
                event.requestedServices() == null ? null : String.join(",", event.requestedServices()),
                event.statutesVersion());
    }

    @EventHandler
    void on(BoardVoteCast event) {
        jdbc.update(
                """
                insert into application_vote (application_id, board_member, kind, vote, comment, cast_on)
                values (?, ?, 'VOTE', ?, ?, ?) on conflict do nothing
                """,
                event.applicationId(),
                event.boardMember(),
                event.vote().name(),
                event.comment(),
                Date.valueOf(event.castOn()));
    }

    @EventHandler
    void on(ConflictOfInterestDeclared event) {
        jdbc.update(
                """
                insert into application_vote (application_id, board_member, kind, comment, cast_on)
                values (?, ?, 'CONFLICT', ?, ?) on conflict do nothing
                """,
                event.applicationId(),
                event.boardMember(),
                event.reason(),
                Date.valueOf(event.declaredOn()));
    }

    @EventHandler
    void on(MembershipApplicationWithdrawn event) {
        jdbc.update(
                "update application_view set status = 'WITHDRAWN', decided_by = ?, decided_on = ? where application_id = ?",
                event.recordedBy(),
                Date.valueOf(event.withdrawnOn()),
                event.applicationId());
    }

    private static Date date(java.time.LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }

    @EventHandler
    void on(MembershipApplicationApproved event) {
        jdbc.update(
                "update application_view set status = 'APPROVED', decided_by = ?, decided_on = ?, member_id = ?,"
                        + " approvals = ?, rejections = ?, abstentions = ? where application_id = ?",
                event.decidedBy(),
                Date.valueOf(event.decidedOn()),
                event.memberId(),
                event.approvals(),
                event.rejections(),
                event.abstentions(),
                event.applicationId());
    }

    @EventHandler
    void on(MembershipApplicationRejected event) {
        jdbc.update(
                "update application_view set status = 'REJECTED', decided_by = ?, decided_on = ?, reason = ?,"
                        + " approvals = ?, rejections = ?, abstentions = ? where application_id = ?",
                event.decidedBy(),
                Date.valueOf(event.decidedOn()),
                event.reason(),
                event.approvals(),
                event.rejections(),
                event.abstentions(),
                event.applicationId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from application_vote");
        jdbc.update("delete from application_view");
    }
}
