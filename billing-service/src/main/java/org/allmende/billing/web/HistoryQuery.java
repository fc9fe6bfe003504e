package org.allmende.billing.web;

import java.time.DateTimeException;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.allmende.billing.ledger.UsageHistory.Granularity;
import org.allmende.support.web.Problems.FieldProblem;

/**
 * What a usage history request asks for, checked as a whole so one answer names every bad parameter: months as
 * {@code YYYY-MM}, {@code from} not after {@code to}, at most {@value #MOST_MONTHS} months, a granularity of
 * {@code month} or {@code day}, a service of the catalog. Without {@code to} the range ends with the current month;
 * without {@code from} it starts {@value #DEFAULT_MONTHS} months before its end.
 */
record HistoryQuery(YearMonth from, YearMonth to, Granularity granularity, Optional<String> service) {

    static final int MOST_MONTHS = 36;
    static final int DEFAULT_MONTHS = 12;

    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");

    /** A range of months, e.g. {@code ?from=2026-01&to=2026-12}. */
    static HistoryQuery range(
            Optional<String> from,
            Optional<String> to,
            Optional<String> granularity,
            Optional<String> service,
            YearMonth currentMonth,
            Predicate<String> knownService) {
        var problems = new ArrayList<FieldProblem>();
        var end = to.isPresent() ? month("to", to.get(), problems) : currentMonth;
        var start = from.isPresent()
                ? month("from", from.get(), problems)
                : end == null ? null : end.minusMonths(DEFAULT_MONTHS - 1);
        if (start != null && end != null) {
            if (start.isAfter(end)) {
                problems.add(new FieldProblem("from", "not-after-to", "must not lie after to (" + end + ")"));
            } else if (ChronoUnit.MONTHS.between(start, end) + 1 > MOST_MONTHS) {
                problems.add(new FieldProblem(
                        "to",
                        "at-most-" + MOST_MONTHS + "-months",
                        "must lie at most " + MOST_MONTHS + " months from " + start + " ("
                                + start.plusMonths(MOST_MONTHS - 1) + " at the latest)"));
            }
        }
        var length = granularity.isEmpty() ? Granularity.MONTH : granularity(granularity.get(), problems);
        checkService(service, knownService, problems);
        if (!problems.isEmpty()) {
            throw new InvalidParameters(problems);
        }
        return new HistoryQuery(start, end, length, service);
    }

    /** One month, drilled down to its days, e.g. {@code /months/2026-03}. */
    static HistoryQuery oneMonth(String month, Optional<String> service, Predicate<String> knownService) {
        var problems = new ArrayList<FieldProblem>();
        var parsed = month("month", month, problems);
        checkService(service, knownService, problems);
        if (!problems.isEmpty()) {
            throw new InvalidParameters(problems);
        }
        return new HistoryQuery(parsed, parsed, Granularity.DAY, service);
    }

    private static YearMonth month(String parameter, String value, List<FieldProblem> problems) {
        if (MONTH.matcher(value).matches()) {
            try {
                return YearMonth.parse(value);
            } catch (DateTimeException e) {
                // 2026-13: the pattern fits, the month does not
            }
        }
        problems.add(new FieldProblem(parameter, "month", "must be a month YYYY-MM such as 2026-03, not " + value));
        return null;
    }

    private static Granularity granularity(String value, List<FieldProblem> problems) {
        try {
            return Granularity.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem("granularity", "one-of", "must be one of [month, day], not " + value));
            return null;
        }
    }

    private static void checkService(
            Optional<String> service, Predicate<String> knownService, List<FieldProblem> problems) {
        if (service.isPresent() && !knownService.test(service.get())) {
            problems.add(new FieldProblem(
                    "service", "in-catalog", "must be the code of a service in the catalog, not " + service.get()));
        }
    }
}
