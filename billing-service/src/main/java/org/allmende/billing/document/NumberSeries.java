package org.allmende.billing.document;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The number series: one counter per document type and year in {@code document_series}. Numbers are taken only
 * while issuing, in the issuing transaction, under the series row's lock: two issuers wait for each other, and a
 * rolled-back issue gives its number back with the counter. So numbers are unique and without gaps (ADR 0019).
 */
@Component
class NumberSeries {

    private static final Logger log = LoggerFactory.getLogger(NumberSeries.class);

    /** A series, locked by the current transaction until it ends. */
    record Locked(DocumentType type, int year, NumberPattern pattern, long lastNumber) {}

    private final JdbcTemplate jdbc;
    private final DocumentsProperties properties;

    NumberSeries(JdbcTemplate jdbc, DocumentsProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /**
     * Locks the series of the year (opened with the configured pattern where this is its first document). Whoever
     * holds it issues alone in this series until the transaction ends.
     */
    Locked lock(DocumentType type, int year) {
        var configured = properties.pattern(type);
        jdbc.update(
                "insert into document_series (document_type, year, pattern, last_number) values (?, ?, ?, 0)"
                        + " on conflict do nothing",
                type.name(),
                year,
                configured.pattern());
        var locked = jdbc.queryForObject(
                "select pattern, last_number from document_series where document_type = ? and year = ? for update",
                (row, i) ->
                        new Locked(type, year, new NumberPattern(row.getString("pattern")), row.getLong("last_number")),
                type.name(),
                year);
        if (!locked.pattern().equals(configured)) {
            log.warn(
                    "{} numbers of {} keep the pattern {} they started with; {} applies from the next year",
                    type,
                    year,
                    locked.pattern().pattern(),
                    configured.pattern());
        }
        return locked;
    }

    /**
     * Moves the counter of a series this transaction has locked to {@code lastNumber}, the last of the consecutive
     * numbers a batch took after {@link Locked#lastNumber} ({@link NumberPattern#format} makes them).
     */
    void advance(Locked series, long lastNumber) {
        if (lastNumber <= series.lastNumber()) {
            throw new IllegalArgumentException("a series only goes forward: " + lastNumber + " after " + series);
        }
        jdbc.update(
                "update document_series set last_number = ? where document_type = ? and year = ?",
                lastNumber,
                series.type().name(),
                series.year());
    }

    /** The next number of a series this transaction has locked. */
    String take(Locked series) {
        var next = series.lastNumber() + 1;
        jdbc.update(
                "update document_series set last_number = ? where document_type = ? and year = ?",
                next,
                series.type().name(),
                series.year());
        return series.pattern().format(series.year(), next);
    }
}
