package org.allmende.membership.usage;

/** A batch refused as a whole, before any of its records is looked at: nothing of it is taken. */
public class BatchRefused extends RuntimeException {

    /** Why; each answers with its own status. */
    public enum Reason {
        /** Not JSON or CSV of the expected shape (400). */
        UNREADABLE,
        /** No record in it (400, rule {@code empty-batch}). */
        EMPTY,
        /** More records than one batch may hold (413, rule {@code batch-too-large}). */
        TOO_LARGE
    }

    public static final String EMPTY_BATCH = "empty-batch";
    public static final String BATCH_TOO_LARGE = "batch-too-large";

    private final Reason reason;

    BatchRefused(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    static BatchRefused unreadable(String message) {
        return new BatchRefused(Reason.UNREADABLE, message);
    }

    static BatchRefused empty() {
        return new BatchRefused(Reason.EMPTY, "The batch holds no record.");
    }

    static BatchRefused tooLarge(int maximum) {
        return new BatchRefused(
                Reason.TOO_LARGE,
                "A batch holds at most " + maximum + " records; this one holds more. Nothing of it was taken:"
                        + " split it and send the parts.");
    }

    public Reason reason() {
        return reason;
    }

    /** The rule name, for the problem details. */
    public String rule() {
        return switch (reason) {
            case UNREADABLE -> "unreadable-body";
            case EMPTY -> EMPTY_BATCH;
            case TOO_LARGE -> BATCH_TOO_LARGE;
        };
    }
}
