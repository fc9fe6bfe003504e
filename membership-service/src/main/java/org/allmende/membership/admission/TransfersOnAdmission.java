package org.allmende.membership.admission;

import java.sql.Date;
import java.util.UUID;
import org.allmende.events.membership.MemberAdmitted;
import org.allmende.membership.member.CapitalTransfers.TransferCapital;
import org.allmende.membership.member.MemberRefused;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * §76 GenG, transfer to an applicant: when an applicant with an agreed transfer is admitted, the shares move from
 * the transferring member. The transfer command runs in this processor's transaction, so it happens exactly once
 * with the token. If the transferor can no longer give the shares (they were transferred or given notice in the
 * meantime), the transfer is marked failed for the board instead of blocking the processor.
 */
@Component
@ProcessingGroup(TransfersOnAdmission.GROUP)
public class TransfersOnAdmission {

    public static final String GROUP = "admission-transfers";
    private static final Logger log = LoggerFactory.getLogger(TransfersOnAdmission.class);

    private final JdbcTemplate jdbc;
    private final CommandGateway commands;

    TransfersOnAdmission(JdbcTemplate jdbc, CommandGateway commands) {
        this.jdbc = jdbc;
        this.commands = commands;
    }

    @EventHandler
    void on(CapitalTransferToApplicantAgreed event) {
        jdbc.update(
                """
                insert into applicant_transfer (application_id, from_member_id, shares, agreed_on, status)
                values (?, ?, ?, ?, 'AGREED') on conflict do nothing
                """,
                event.applicationId(),
                event.fromMemberId(),
                event.shares(),
                Date.valueOf(event.agreedOn()));
    }

    @EventHandler
    void on(MemberAdmitted event) {
        var agreed = jdbc.queryForList(
                "select from_member_id, shares from applicant_transfer where application_id = ? and status = 'AGREED'",
                event.applicationId());
        for (var transfer : agreed) {
            var from = (UUID) transfer.get("from_member_id");
            var shares = (Integer) transfer.get("shares");
            String status;
            String reason = null;
            try {
                commands.sendAndWait(new TransferCapital(from, event.memberId(), shares, event.admittedOn()));
                status = "DONE";
            } catch (MemberRefused refused) {
                status = "FAILED";
                reason = refused.getMessage();
                log.error("ALERT transfer to new member {} failed: {}", event.memberNumber(), reason);
            }
            jdbc.update(
                    "update applicant_transfer set status = ?, reason = ?, member_id = ? where application_id = ?"
                            + " and from_member_id = ?",
                    status,
                    reason,
                    event.memberId(),
                    event.applicationId(),
                    from);
        }
    }
}
