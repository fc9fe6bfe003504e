package org.allmende.billing.einvoice;

import java.math.BigInteger;
import java.util.regex.Pattern;

/** Format and check digits of IBANs and SEPA creditor identifiers (ISO 7064 MOD 97-10, letters as 10 to 35). */
final class Sepa {

    private static final Pattern IBAN = Pattern.compile("[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}");
    private static final Pattern CREDITOR_ID = Pattern.compile("[A-Z]{2}[0-9]{2}[A-Z0-9]{3}[A-Z0-9]{1,28}");
    private static final Pattern BIC = Pattern.compile("[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?");
    private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

    private Sepa() {}

    /** The IBAN without spaces, refused if its format or check digits are wrong (BR-DE-19, BR-DE-20). */
    static String iban(String value, String field) {
        var iban = compact(value, field);
        if (!IBAN.matcher(iban).matches() || !mod97(iban.substring(4) + iban.substring(0, 4))) {
            throw new IllegalArgumentException(field + " is not a valid IBAN: " + value);
        }
        return iban;
    }

    /** The SEPA creditor identifier (Gläubiger-ID); its check digits skip the three-character business code. */
    static String creditorId(String value, String field) {
        var id = compact(value, field);
        if (!CREDITOR_ID.matcher(id).matches() || !mod97(id.substring(7) + id.substring(0, 4))) {
            throw new IllegalArgumentException(field + " is not a valid SEPA creditor identifier: " + value);
        }
        return id;
    }

    static String bic(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        var bic = compact(value, field);
        if (!BIC.matcher(bic).matches()) {
            throw new IllegalArgumentException(field + " is not a valid BIC: " + value);
        }
        return bic;
    }

    /** The IBAN in groups of four, as people read it. */
    static String grouped(String iban) {
        return iban.replaceAll("(.{4})(?!$)", "$1 ");
    }

    private static String compact(String value, String field) {
        return Text.required(value, field).replace(" ", "").toUpperCase();
    }

    private static boolean mod97(String rearranged) {
        var digits = new StringBuilder();
        for (var c : rearranged.toCharArray()) {
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return new BigInteger(digits.toString()).mod(NINETY_SEVEN).intValue() == 1;
    }
}
