package org.allmende.billing.einvoice;

import java.util.regex.Pattern;

/** A postal address as XRechnung wants it: street, post code and city (BR-DE-3/4, -8/9) and an ISO 3166 country. */
public record PostalAddress(String street, String postalCode, String city, String countryCode) {

    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    public PostalAddress {
        Text.required(street, "street");
        Text.required(postalCode, "postalCode");
        Text.required(city, "city");
        if (countryCode == null || !COUNTRY.matcher(countryCode).matches()) {
            throw new IllegalArgumentException("countryCode is two capital letters (ISO 3166-1), not " + countryCode);
        }
    }

    public static PostalAddress german(String street, String postalCode, String city) {
        return new PostalAddress(street, postalCode, city, "DE");
    }
}
