package org.allmende.membership.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The board's decisions on a member as the member page posts them: flat fields, bound by Spring (a field that is
 * not a number or date is a type error at that field) and checked by the same rules as {@link MemberForms}.
 */
final class DecisionForms {

    private DecisionForms() {}

    /** Approve or decline a request for additional shares. */
    static final class Shares {
        @NotNull
        private UUID requestId;

        @NotNull
        private Boolean approve;

        public UUID getRequestId() {
            return requestId;
        }

        public void setRequestId(UUID requestId) {
            this.requestId = requestId;
        }

        public Boolean getApprove() {
            return approve;
        }

        public void setApprove(Boolean approve) {
            this.approve = approve;
        }
    }

    /** A member's notice, recorded by the board: of the whole membership, or of some voluntary shares. */
    static final class Notice {
        @Positive
        private Integer shares;

        public Integer getShares() {
            return shares;
        }

        public void setShares(Integer shares) {
            this.shares = shares;
        }
    }

    static final class Exclusion {
        @NotBlank
        @Size(max = 2000)
        private String reason;

        public String getReason() {
            return reason;
        }

        public void setReason(String reason) {
            this.reason = reason;
        }
    }

    /** §76 GenG: paid-in capital passes to another member by agreement. */
    static final class Transfer {
        @NotNull
        @Positive
        private Long toMemberNumber;

        @NotNull
        @Positive
        private Integer shares;

        @PastOrPresent
        private LocalDate agreedOn;

        public Long getToMemberNumber() {
            return toMemberNumber;
        }

        public void setToMemberNumber(Long toMemberNumber) {
            this.toMemberNumber = toMemberNumber;
        }

        public Integer getShares() {
            return shares;
        }

        public void setShares(Integer shares) {
            this.shares = shares;
        }

        public LocalDate getAgreedOn() {
            return agreedOn;
        }

        public void setAgreedOn(LocalDate agreedOn) {
            this.agreedOn = agreedOn;
        }
    }

    /** §77a GenG: this member is merged into a successor, which takes over its membership. */
    static final class Merger {
        @NotNull
        @Positive
        private Long successorMemberNumber;

        @PastOrPresent
        private LocalDate agreedOn;

        public Long getSuccessorMemberNumber() {
            return successorMemberNumber;
        }

        public void setSuccessorMemberNumber(Long successorMemberNumber) {
            this.successorMemberNumber = successorMemberNumber;
        }

        public LocalDate getAgreedOn() {
            return agreedOn;
        }

        public void setAgreedOn(LocalDate agreedOn) {
            this.agreedOn = agreedOn;
        }
    }
}
