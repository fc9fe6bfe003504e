package org.allmende.events.membership;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The board's vote admitted the applicant; the member number follows with {@link MemberAdmitted}. {@code decidedBy}
 * cast the deciding vote; the counts are the votes at that moment.
 */
public record MembershipApplicationApproved(
        UUID applicationId,
        UUID memberId,
        String decidedBy,
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
