package org.allmende.billing.document;

import org.allmende.support.web.RuleViolation;

/** A draft that cannot be (drafted or) issued as it stands; {@code rule} names why. */
public class DocumentRefused extends RuleViolation {
    public DocumentRefused(String rule, String message) {
        super(rule, message);
    }
}
