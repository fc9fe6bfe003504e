package org.allmende.membership.catalog;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The days something is in effect: from {@code from} to {@code to}, both inclusive; {@code to == null} means open,
 * without an end yet.
 */
public record EffectivePeriod(LocalDate from, LocalDate to) {

    public EffectivePeriod {
        Objects.requireNonNull(from, "from");
        if (to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("a period cannot end (" + to + ") before it starts (" + from + ")");
        }
    }

    public static EffectivePeriod startingOn(LocalDate from) {
        return new EffectivePeriod(from, null);
    }

    public boolean isOpen() {
        return to == null;
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(from) && !endsBefore(day);
    }

    /** Whether some day lies in both periods. */
    public boolean overlaps(EffectivePeriod other) {
        return !endsBefore(other.from) && !other.endsBefore(from);
    }

    public EffectivePeriod endingOn(LocalDate lastDay) {
        return new EffectivePeriod(from, lastDay);
    }

    @Override
    public String toString() {
        return isOpen() ? "from " + from + " on" : from + " to " + to;
    }

    private boolean endsBefore(LocalDate day) {
        return to != null && to.isBefore(day);
    }
}
