package org.allmende.events.membership;

/** A postal address of a body; country as ISO 3166-1 alpha-2. */
public record PostalAddress(String street, String postalCode, String city, String country) {}
