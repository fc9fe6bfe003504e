package org.allmende.membership.admission;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The official municipality key (Amtlicher Gemeindeschlüssel): 8 digits, the first two naming the federal state
 * (01 Schleswig-Holstein ... 16 Thüringen), then district and municipality.
 */
public record Ags(String value) {

    private static final Pattern EIGHT_DIGITS = Pattern.compile("[0-9]{8}");

    public Ags {
        problem(value).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
    }

    public static Optional<String> problem(String candidate) {
        if (candidate == null || !EIGHT_DIGITS.matcher(candidate).matches()) {
            return Optional.of("must be 8 digits");
        }
        var state = Integer.parseInt(candidate.substring(0, 2));
        if (state < 1 || state > 16) {
            return Optional.of("must start with a federal state code from 01 to 16");
        }
        return Optional.empty();
    }
}
