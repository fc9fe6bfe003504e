package org.allmende.billing.payment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a remittance text says, read the way banks pass it on: upper and lower case mixed, lines cut anywhere (a
 * document number may be split by a line break or a space), several numbers in one text.
 */
final class RemittanceText {

    /** "Mitglied 17", "Mitgliedsnummer: 17", "Mitgl.-Nr. 17", "Mitglieds-Nr 17". */
    private static final Pattern MEMBER_NUMBER = Pattern.compile(
            "\\bmitgl(?:ied)?s?(?:\\.|-|\\s)*(?:nr\\.?|nummer)?\\s*:?\\s*(\\d{1,9})\\b", Pattern.CASE_INSENSITIVE);

    private RemittanceText() {}

    /** Upper case, without any whitespace: the form document numbers are searched in. */
    static String searchable(String text) {
        return text == null ? "" : text.toUpperCase(Locale.ROOT).replaceAll("\\s+", "");
    }

    /** A member number the payer wrote, if any. */
    static Optional<Long> memberNumber(String text) {
        if (text == null) {
            return Optional.empty();
        }
        var matcher = MEMBER_NUMBER.matcher(text);
        return matcher.find() ? Optional.of(Long.parseLong(matcher.group(1))) : Optional.empty();
    }

    /** A document number found at a position of the searchable text. */
    record Found(long itemId, long memberNumber, String documentNumber, int position) {
        int end() {
            return position + documentNumber.length();
        }

        boolean within(Found other) {
            return other != this
                    && position >= other.position
                    && end() <= other.end()
                    && documentNumber.length() < other.documentNumber.length();
        }
    }

    /**
     * The numbers in the order they appear, without those that are only part of a longer one found at the same
     * place ({@code RE-2026-000123} inside {@code RE-2026-000123-M1}).
     */
    static List<Found> distinct(List<Found> found) {
        var kept = new ArrayList<Found>();
        for (var candidate : found) {
            if (found.stream().noneMatch(candidate::within)) {
                kept.add(candidate);
            }
        }
        kept.sort(Comparator.comparingInt(Found::position));
        return kept;
    }
}
