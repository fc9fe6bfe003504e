package org.allmende.membership.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.allmende.events.membership.BodyKind;
import org.allmende.events.membership.PostalAddress;

/** The public application form (§15 GenG declaration). */
public record ApplicationForm(
        @NotBlank @Size(max = 200) String applicantName,
        @NotNull BodyKind bodyKind,
        @NotNull @Valid Address address,
        @NotNull @Positive @Max(10_000) Integer requestedShares) {

    public record Address(
            @NotBlank @Size(max = 200) String street,
            @NotBlank @Pattern(regexp = "[0-9]{5}", message = "must be a German postal code of 5 digits")
                    String postalCode,
            @NotBlank @Size(max = 100) String city,
            @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 country code") String country) {

        PostalAddress toPostalAddress() {
            return new PostalAddress(street, postalCode, city, country == null ? "DE" : country);
        }
    }
}
