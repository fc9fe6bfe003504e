package org.allmende.membership.usage;

/**
 * The facts usage is checked against do not include yet everything stored before the batch came (e.g. right after
 * a start, while they are rebuilt): nothing of the batch was taken; send it again after a moment.
 */
public class UsageFactsBehind extends RuntimeException {

    public static final String RULE = "usage-view-catching-up";

    UsageFactsBehind(String message) {
        super(message);
    }
}
