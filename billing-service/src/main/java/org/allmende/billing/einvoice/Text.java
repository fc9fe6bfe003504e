package org.allmende.billing.einvoice;

/** Checks on the texts an e-invoice carries. */
final class Text {

    private Text() {}

    static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }

    static String optional(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
