package org.allmende.membership.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;

/** A member takes a service; {@code expectedVersion} (optional) is the member's version the caller last saw. */
public record SubscriptionForm(
        @NotNull @Pattern(regexp = ServiceCodes.PATTERN, message = "must be a service code such as RIS-TABLET")
                String serviceCode,
        @NotNull @Min(1) @Max(1_000_000) Integer quantity,
        @NotNull LocalDate effectiveFrom,
        @Min(0) Long expectedVersion) {}
