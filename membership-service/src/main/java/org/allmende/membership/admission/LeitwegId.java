package org.allmende.membership.admission;

import java.math.BigInteger;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The routing id of a public buyer for e-invoices (XRechnung BT-10): coarse address (2 to 12 digits), an optional
 * fine address (up to 30 letters or digits), and two check digits by ISO/IEC 7064 MOD 97-10 over both, letters
 * counted as in an IBAN (A = 10 ... Z = 35).
 */
public record LeitwegId(String value) {

    private static final Pattern FORMAT =
            Pattern.compile("(?<coarse>[0-9]{2,12})(-(?<fine>[A-Za-z0-9]{1,30}))?-(?<check>[0-9]{2})");

    public LeitwegId {
        problem(value).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
    }

    /** What is wrong with a would-be Leitweg-ID, or empty when it is valid. */
    public static Optional<String> problem(String candidate) {
        if (candidate == null) {
            return Optional.of("is missing");
        }
        var matcher = FORMAT.matcher(candidate);
        if (!matcher.matches()) {
            return Optional.of("must look like 04011000-12345-03: 2 to 12 digits, optionally '-' and up to 30 letters"
                    + " or digits, then '-' and two check digits");
        }
        var fine = matcher.group("fine") == null ? "" : matcher.group("fine");
        var expected = checkDigits(matcher.group("coarse") + fine);
        if (!expected.equals(matcher.group("check"))) {
            return Optional.of("has wrong check digits (MOD 97-10 gives " + expected + ")");
        }
        return Optional.empty();
    }

    /** The two check digits for a coarse and fine address written together without hyphens. */
    public static String checkDigits(String addressWithoutHyphens) {
        var numeric = new StringBuilder();
        for (char c : (addressWithoutHyphens.toUpperCase() + "00").toCharArray()) {
            numeric.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        var remainder =
                new BigInteger(numeric.toString()).mod(BigInteger.valueOf(97)).intValue();
        return String.format("%02d", 98 - remainder);
    }
}
