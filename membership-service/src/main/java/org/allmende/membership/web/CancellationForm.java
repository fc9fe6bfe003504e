package org.allmende.membership.web;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;

/** {@code effectiveTo}: the last day of service, inclusive. */
public record CancellationForm(@NotNull LocalDate effectiveTo, @Min(0) Long expectedVersion) {}
