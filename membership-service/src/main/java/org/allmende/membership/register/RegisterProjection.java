package org.allmende.membership.register;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import org.allmende.events.membership.MemberAdmitted;
import org.allmende.events.membership.MembershipApplicationApproved;
import org.allmende.events.membership.MembershipApplicationRejected;
import org.allmende.events.membership.MembershipApplicationSubmitted;
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
                    country, requested_shares, submitted_on, status)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING')
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
                Date.valueOf(event.submittedOn()));
    }

    @EventHandler
    void on(MembershipApplicationApproved event) {
        jdbc.update(
                "update application_view set status = 'APPROVED', decided_by = ?, decided_on = ?, member_id = ?"
                        + " where application_id = ?",
                event.decidedBy(),
                Date.valueOf(event.decidedOn()),
                event.memberId(),
                event.applicationId());
    }

    @EventHandler
    void on(MembershipApplicationRejected event) {
        jdbc.update(
                "update application_view set status = 'REJECTED', decided_by = ?, decided_on = ?, reason = ?"
                        + " where application_id = ?",
                event.decidedBy(),
                Date.valueOf(event.decidedOn()),
                event.reason(),
                event.applicationId());
    }

    @EventHandler
    void on(MemberAdmitted event, @org.axonframework.eventhandling.Timestamp Instant recordedAt) {
        var address = event.address();
        jdbc.update(
                """
                insert into member_register (member_id, member_number, application_id, name, body_kind, street,
                    postal_code, city, country, shares, joined_on, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
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
                Timestamp.from(recordedAt));
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from member_register");
        jdbc.update("delete from application_view");
    }
}
