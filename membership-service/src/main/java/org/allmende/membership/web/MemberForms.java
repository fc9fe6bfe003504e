package org.allmende.membership.web;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** What the board, finance and members send about a member. */
final class MemberForms {

    private MemberForms() {}

    record ShareRequestForm(@NotNull @Positive @Max(10_000) Integer shares, Long expectedVersion) {}

    record ShareDecisionForm(@NotNull Boolean approve, Long expectedVersion) {}

    record CapitalPaymentForm(
            @NotNull @DecimalMin(value = "0.01") @Digits(integer = 12, fraction = 2) BigDecimal amount,
            @NotNull @PastOrPresent LocalDate paidOn,
            @NotBlank @Size(max = 200) String reference) {}

    record InhabitantsForm(
            @NotNull @PositiveOrZero Long inhabitants, @NotNull @PastOrPresent LocalDate referenceDate) {}

    /** {@code shares} empty: notice of the whole membership; else of that many voluntary shares. */
    record NoticeForm(@Positive Integer shares, Long expectedVersion) {}

    record AddressForm(
            @jakarta.validation.constraints.NotNull @jakarta.validation.Valid ApplicationForm.Address address,
            @NotNull LocalDate effectiveOn,
            Long expectedVersion) {}

    record ExclusionForm(@NotBlank @Size(max = 2000) String reason, Long expectedVersion) {}

    record TransferForm(
            @NotNull @Positive Long toMemberNumber, @NotNull @Positive Integer shares, LocalDate agreedOn) {}

    record MergerForm(
            @NotEmpty @Size(max = 20) List<@NotNull @Positive Long> mergedMemberNumbers,
            @NotNull @Positive Long successorMemberNumber,
            LocalDate agreedOn) {}
}
