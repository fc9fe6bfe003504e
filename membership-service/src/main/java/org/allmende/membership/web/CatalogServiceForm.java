package org.allmende.membership.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.allmende.events.membership.ServiceKind;
import org.allmende.events.membership.ServiceUnit;

/** A new service for the catalog, with its first version. */
public record CatalogServiceForm(
        @NotNull
                @Pattern(
                        regexp = ServiceCodes.PATTERN,
                        message = "must be 2 to 40 capital letters, digits or dashes, starting with a letter")
                String code,
        @NotBlank @Size(max = 200) String name,
        @NotNull ServiceUnit unit,
        @NotNull ServiceKind kind,
        @NotNull LocalDate effectiveFrom) {}
