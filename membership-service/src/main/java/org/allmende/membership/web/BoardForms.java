package org.allmende.membership.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.allmende.membership.admission.Vote;

/** What the board sends when it votes, declares a conflict, or records a withdrawal. */
final class BoardForms {

    private BoardForms() {}

    record VoteForm(@NotNull Vote vote, @Size(max = 2000) String comment) {}

    record TransferToApplicantForm(
            @NotNull @jakarta.validation.constraints.Positive Long fromMemberNumber,
            @NotNull @jakarta.validation.constraints.Positive Integer shares) {}

    record ConflictForm(@NotBlank @Size(max = 2000) String reason) {}

    /** The applicant's token from the submission answer; the board may withdraw on request without it. */
    record WithdrawalForm(@Size(max = 100) String token) {}
}
