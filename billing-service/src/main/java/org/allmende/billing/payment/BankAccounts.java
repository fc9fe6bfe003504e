package org.allmende.billing.payment;

import com.prowidesoftware.swift.model.BIC;
import com.prowidesoftware.swift.model.IBAN;
import com.prowidesoftware.swift.model.IbanValidationResult;
import java.math.BigInteger;
import java.util.Locale;
import java.util.regex.Pattern;
import org.allmende.support.web.InvalidField;

/**
 * The rules for the bank details a direct debit needs: IBAN (structure per country and check digits, by Prowide's
 * IBAN validation), BIC, SEPA creditor identifier and the SEPA character set of references.
 */
public final class BankAccounts {

    /** What a SEPA reference (mandate, end-to-end, message id) may contain (EPC restricted character set). */
    private static final Pattern SEPA_REFERENCE = Pattern.compile("[A-Za-z0-9+?/\\-:().,' ]{1,35}");

    private static final Pattern CREDITOR_ID = Pattern.compile("[A-Z]{2}[0-9]{2}[A-Z0-9]{3}[A-Z0-9]{1,28}");

    private BankAccounts() {}

    /** As banks print them, spaces and all, in the form they are stored and sent in: no spaces, upper case. */
    public static String compact(String text) {
        return text == null ? null : text.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
    }

    /** The IBAN in its compact form, or {@link InvalidField} on {@code field} naming the rule it breaks. */
    public static String iban(String field, String iban) {
        var compact = compact(iban);
        var result = IBAN.validate(compact);
        if (result == IbanValidationResult.OK) {
            return compact;
        }
        var rule =
                switch (result) {
                    case INVALID_CHECK_DIGITS -> "iban-check-digits";
                    case INVALID_COUNTRY_CODE,
                            MISSING_COUNTRY_CODE,
                            INVALID_COUNTRY_CODE_CHARSET,
                            MISSING_BBAN_CONFIGURATION -> "iban-country";
                    default -> "iban-format";
                };
        throw new InvalidField(field, rule, "is no valid IBAN: " + result.message());
    }

    /** The BIC (8 or 11 characters), or {@link InvalidField} on {@code field}. */
    public static String bic(String field, String bic) {
        var compact = compact(bic);
        if (compact.length() != 8 && compact.length() != 11 || !new BIC(compact).isValid()) {
            throw new InvalidField(field, "bic-format", "is no valid BIC (8 or 11 letters and digits)");
        }
        return compact;
    }

    /** A mandate reference: 1 to 35 of the SEPA characters, no leading or trailing slash, no double slash. */
    public static String reference(String field, String reference) {
        if (reference == null || !SEPA_REFERENCE.matcher(reference).matches()) {
            throw new InvalidField(
                    field, "sepa-reference", "must be 1 to 35 letters, digits or + ? / - : ( ) . , ' and spaces");
        }
        if (reference.startsWith("/") || reference.endsWith("/") || reference.contains("//")) {
            throw new InvalidField(
                    field, "sepa-reference", "must not start or end with a slash or contain two in a row");
        }
        return reference;
    }

    /**
     * Whether a SEPA creditor identifier is well-formed and its check digits right: country, two check digits,
     * a three-character business code (ignored by the check, e.g. ZZZ) and the national identifier; the check
     * digits are ISO 7064 MOD 97-10 over the national identifier followed by the country and "00".
     */
    public static boolean creditorIdValid(String creditorId) {
        if (creditorId == null || !CREDITOR_ID.matcher(creditorId).matches()) {
            return false;
        }
        var rearranged = creditorId.substring(7) + creditorId.substring(0, 2) + "00";
        var digits = new StringBuilder();
        for (var c : rearranged.toCharArray()) {
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        var check = 98
                - new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue();
        return check == Integer.parseInt(creditorId.substring(2, 4));
    }
}
