package org.allmende.membership.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.allmende.events.membership.BodyKind;
import org.allmende.events.membership.PostalAddress;
import org.allmende.membership.contacts.ContactPerson;

/** The public application form (§15 GenG declaration; §15a: statutes and payment obligation acknowledged). */
@AgsWhereItApplies
public record ApplicationForm(
        @NotBlank @Size(max = 200) String applicantName,
        @NotNull BodyKind bodyKind,
        @AgsFormat String ags,
        @NotNull @Valid Address address,
        @PositiveOrZero Long inhabitants,
        @PastOrPresent LocalDate inhabitantsReferenceDate,
        @PositiveOrZero Integer staffCount,
        @NotNull @LeitwegIdFormat String leitwegId,
        @NotEmpty @Size(max = 10) List<@Valid @NotNull Contact> contactPersons,
        @NotNull @Positive @Max(10_000) Integer requestedShares,
        @Size(max = 50)
                List<@Pattern(regexp = "[A-Z0-9-]{2,30}", message = "must be a service code") String> requestedServices,
        @NotBlank String statutesVersion,
        @NotNull @AssertTrue(message = "must be acknowledged: each share must be paid in as the statutes require")
                Boolean paymentObligationAcknowledged) {

    public record Address(
            @NotBlank @Size(max = 200) String street,
            @NotBlank @Pattern(regexp = "[0-9]{5}", message = "must be a German postal code of 5 digits")
                    String postalCode,
            @NotBlank @Size(max = 100) String city,
            @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 country code") String country) {

        public PostalAddress toPostalAddress() {
            return new PostalAddress(street, postalCode, city, country == null ? "DE" : country);
        }
    }

    public record Contact(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 200) String role,
            @NotBlank @Email @Size(max = 320) String email,
            @Pattern(regexp = "[+0-9 ()/-]{3,50}", message = "must be a phone number") String phone) {

        ContactPerson toContactPerson() {
            return new ContactPerson(name.strip(), role, email.strip(), phone);
        }
    }
}
