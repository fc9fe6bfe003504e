package org.allmende.membership.catalog;

import java.time.LocalDate;
import org.allmende.support.web.RuleViolation;

/** A catalog command that breaks a rule of the catalog. */
public class CatalogChangeRefused extends RuleViolation {

    public static final String CODE_TAKEN = "service-code-taken";
    public static final String VERSION_NOT_AFTER_PREVIOUS = "version-not-after-previous";

    private CatalogChangeRefused(String rule, String message) {
        super(rule, message);
    }

    static CatalogChangeRefused codeTaken(String code) {
        return new CatalogChangeRefused(CODE_TAKEN, "The catalog already has a service " + code + ".");
    }

    static CatalogChangeRefused versionNotAfterPrevious(String code, LocalDate effectiveFrom, LocalDate previous) {
        return new CatalogChangeRefused(
                VERSION_NOT_AFTER_PREVIOUS,
                "A new version of " + code + " must take effect after " + previous + ", the date of its latest"
                        + " version; " + effectiveFrom + " is not.");
    }
}
