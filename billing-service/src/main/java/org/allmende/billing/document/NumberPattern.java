package org.allmende.billing.document;

import java.util.regex.Pattern;

/**
 * How a series writes its numbers, e.g. {@code RE-{yyyy}-{seq:6}} gives {@code RE-2026-000123}: {@code {yyyy}} or
 * {@code {yy}} is the year of issue, {@code {seq:N}} the number in the series, zero-padded to N digits (more when it
 * outgrows them). A series restarts every year, so the year must be part of the number, or numbers would repeat.
 */
public record NumberPattern(String pattern) {

    /** Room in the documents' number columns. */
    static final int MAX_LENGTH = 40;

    private static final Pattern TOKEN = Pattern.compile("\\{(yyyy|yy|seq)(?::(\\d{1,2}))?}");
    /** No slash: a number is a path segment of the API ({@code /api/documents/{number}}). */
    private static final Pattern LITERAL = Pattern.compile("[A-Za-z0-9_.-]*");

    public NumberPattern {
        if (pattern == null || pattern.isBlank()) {
            throw new IllegalArgumentException("a number pattern is required, e.g. RE-{yyyy}-{seq:6}");
        }
        var tokens = TOKEN.matcher(pattern);
        int seq = 0;
        int years = 0;
        int end = 0;
        int length = 0;
        while (tokens.find()) {
            var literal = pattern.substring(end, tokens.start());
            if (!LITERAL.matcher(literal).matches()) {
                throw invalid(pattern, "only letters, digits and _ . - besides {yyyy}, {yy} and {seq:N}");
            }
            length += literal.length();
            switch (tokens.group(1)) {
                case "seq" -> {
                    seq++;
                    var width = tokens.group(2) == null ? 1 : Integer.parseInt(tokens.group(2));
                    if (width < 1 || width > 12) {
                        throw invalid(pattern, "{seq:N} pads to 1 to 12 digits");
                    }
                    length += Math.max(width, 6);
                }
                case "yyyy" -> {
                    years++;
                    length += 4;
                }
                default -> {
                    years++;
                    length += 2;
                }
            }
            if (tokens.group(2) != null && !tokens.group(1).equals("seq")) {
                throw invalid(pattern, "only {seq} takes a width");
            }
            end = tokens.end();
        }
        var tail = pattern.substring(end);
        if (!LITERAL.matcher(tail).matches()) {
            throw invalid(pattern, "only letters, digits and _ . - besides {yyyy}, {yy} and {seq:N}");
        }
        length += tail.length();
        if (seq != 1) {
            throw invalid(pattern, "exactly one {seq} or {seq:N}");
        }
        if (years == 0) {
            throw invalid(pattern, "the year ({yyyy} or {yy}): the series restarts every year");
        }
        if (length > MAX_LENGTH) {
            throw invalid(pattern, "numbers of at most " + MAX_LENGTH + " characters");
        }
    }

    public String format(int year, long sequence) {
        var tokens = TOKEN.matcher(pattern);
        var number = new StringBuilder();
        while (tokens.find()) {
            var value =
                    switch (tokens.group(1)) {
                        case "yyyy" -> String.format("%04d", year);
                        case "yy" -> String.format("%02d", year % 100);
                        default -> {
                            var width = tokens.group(2) == null ? 1 : Integer.parseInt(tokens.group(2));
                            yield String.format("%0" + width + "d", sequence);
                        }
                    };
            tokens.appendReplacement(number, value);
        }
        tokens.appendTail(number);
        return number.toString();
    }

    private static IllegalArgumentException invalid(String pattern, String needs) {
        return new IllegalArgumentException("number pattern " + pattern + " needs " + needs);
    }
}
