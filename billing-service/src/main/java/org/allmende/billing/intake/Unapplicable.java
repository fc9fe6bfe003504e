package org.allmende.billing.intake;

/** A record that cannot be applied as it is: it is parked with this reason, never skipped. */
public class Unapplicable extends RuntimeException {

    private final String kind;

    public Unapplicable(String kind, String reason) {
        super(reason);
        this.kind = kind;
    }

    public Unapplicable(String kind, String reason, Throwable cause) {
        super(reason, cause);
        this.kind = kind;
    }

    /** A short, stable category for metrics: malformed, unknown-type, unknown-version, handler-failed. */
    public String kind() {
        return kind;
    }
}
