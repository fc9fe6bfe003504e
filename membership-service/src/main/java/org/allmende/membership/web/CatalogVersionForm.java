package org.allmende.membership.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.allmende.events.membership.ServiceKind;
import org.allmende.events.membership.ServiceUnit;

/** A new version of a catalog service, in effect from {@code effectiveFrom} on. */
public record CatalogVersionForm(
        @NotBlank @Size(max = 200) String name,
        @NotNull ServiceUnit unit,
        @NotNull ServiceKind kind,
        @NotNull LocalDate effectiveFrom) {}
