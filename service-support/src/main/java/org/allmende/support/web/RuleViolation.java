package org.allmende.support.web;

/**
 * A request that is well-formed but breaks a business rule in the current state (409). {@code rule} is a stable,
 * machine-readable name such as {@code application-already-decided}.
 */
public class RuleViolation extends RuntimeException {

    private final String rule;

    public RuleViolation(String rule, String message) {
        super(message);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}
