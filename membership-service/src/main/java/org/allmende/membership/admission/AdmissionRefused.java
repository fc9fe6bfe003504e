package org.allmende.membership.admission;

import org.allmende.support.web.RuleViolation;

/** A command on an application that its rules do not allow now; {@code rule} names which. */
public class AdmissionRefused extends RuleViolation {
    public AdmissionRefused(String rule, String message) {
        super(rule, message);
    }
}
