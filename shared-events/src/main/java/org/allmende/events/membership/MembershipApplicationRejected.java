package org.allmende.events.membership;

import java.time.LocalDate;
import java.util.UUID;

/** The board's vote rejected the applicant; its contact persons' data is erased (ADR 0012). */
public record MembershipApplicationRejected(
        UUID applicationId,
        String decidedBy,
        String reason,
        LocalDate decidedOn,
        int approvals,
        int rejections,
        int abstentions)
        implements MembershipEvent {

    @Override
    public UUID subject() {
        return applicationId;
    }
}
