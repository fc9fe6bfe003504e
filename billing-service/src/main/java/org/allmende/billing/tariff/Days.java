package org.allmende.billing.tariff;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/** Consecutive calendar days, both ends inclusive (business dates, Europe/Berlin). */
public record Days(LocalDate first, LocalDate last) implements Comparable<Days> {

    public Days {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(last, "last");
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("days cannot end (" + last + ") before they start (" + first + ")");
        }
    }

    /** From {@code from} to {@code to}; an open end ({@code null}) is cut at {@code limit}. */
    public static Optional<Days> between(LocalDate from, LocalDate to, Days limit) {
        var first = from.isAfter(limit.first) ? from : limit.first;
        var last = to == null || to.isAfter(limit.last) ? limit.last : to;
        return last.isBefore(first) ? Optional.empty() : Optional.of(new Days(first, last));
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(first) && !day.isAfter(last);
    }

    public Optional<Days> intersect(Days other) {
        return between(other.first, other.last, this);
    }

    public long count() {
        return ChronoUnit.DAYS.between(first, last) + 1;
    }

    @Override
    public int compareTo(Days other) {
        var byFirst = first.compareTo(other.first);
        return byFirst != 0 ? byFirst : last.compareTo(other.last);
    }

    @Override
    public String toString() {
        return first + ".." + last;
    }
}
