package org.allmende.membership.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;

public record QuantityChangeForm(
        @NotNull @Min(1) @Max(1_000_000) Integer quantity,
        @NotNull LocalDate effectiveFrom,
        @Min(0) Long expectedVersion) {}
