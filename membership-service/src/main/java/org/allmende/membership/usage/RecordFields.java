package org.allmende.membership.usage;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.allmende.support.time.BusinessTime;

/**
 * Reads the fields of one usage record, given as text, the same way for JSON and CSV. Surrounding blanks are
 * ignored and an empty field counts as missing. {@code usedAt} (an instant) stands for a single business day: its
 * date in Europe/Berlin.
 */
final class RecordFields {

    static final String SENDING_SYSTEM = "sendingSystem";
    static final String RECORD_ID = "recordId";
    static final String MEMBER_NUMBER = "memberNumber";
    static final String SERVICE_CODE = "serviceCode";
    static final String QUANTITY = "quantity";
    static final String UNIT = "unit";
    static final String USED_FROM = "usedFrom";
    static final String USED_TO = "usedTo";
    static final String USED_AT = "usedAt";
    static final String REVERSES_RECORD_ID = "reversesRecordId";

    static final List<String> NAMES = List.of(
            SENDING_SYSTEM,
            RECORD_ID,
            MEMBER_NUMBER,
            SERVICE_CODE,
            QUANTITY,
            UNIT,
            USED_FROM,
            USED_TO,
            USED_AT,
            REVERSES_RECORD_ID);

    /** Always required; the period as {@code usedFrom} and {@code usedTo}, or as {@code usedAt}. */
    static final List<String> REQUIRED =
            List.of(SENDING_SYSTEM, RECORD_ID, MEMBER_NUMBER, SERVICE_CODE, QUANTITY, UNIT);

    /** Billing's columns: longer keys could not be stored there. */
    private static final Map<String, Integer> MAXIMUM_LENGTH =
            Map.of(SENDING_SYSTEM, 100, RECORD_ID, 200, REVERSES_RECORD_ID, 200);

    private static final int LONGEST_NUMBER = 40;

    private RecordFields() {}

    /**
     * @param where where the record is, to start a detail with: empty for JSON, {@code "line 7, "} for CSV
     * @param raw the fields by name; absent or null where the record does not give them
     */
    static SubmittedRecord read(int index, String where, Map<String, String> raw) {
        var value = new HashMap<String, String>();
        for (var name : NAMES) {
            var given = raw.get(name);
            if (given != null && !given.isBlank()) {
                value.put(name, given.strip());
            }
        }
        var sendingSystem = value.get(SENDING_SYSTEM);
        var recordId = value.get(RECORD_ID);
        for (var limit : MAXIMUM_LENGTH.entrySet()) {
            var text = value.get(limit.getKey());
            if (text != null && text.length() > limit.getValue()) {
                // a key that is too long is not echoed: it is no key this service could remember
                return SubmittedRecord.unreadable(
                        index,
                        sendingSystem != null && sendingSystem.length() <= 100 ? sendingSystem : null,
                        recordId != null && recordId.length() <= 200 ? recordId : null,
                        malformed(where, limit.getKey(), "is longer than " + limit.getValue() + " characters"));
            }
        }
        var missing = new ArrayList<String>();
        for (var name : REQUIRED) {
            if (!value.containsKey(name)) {
                missing.add(name);
            }
        }
        var usedAt = value.get(USED_AT);
        if (usedAt == null) {
            if (!value.containsKey(USED_FROM)) {
                missing.add(USED_FROM);
            }
            if (!value.containsKey(USED_TO)) {
                missing.add(USED_TO);
            }
        }
        if (!missing.isEmpty()) {
            return SubmittedRecord.unreadable(
                    index,
                    sendingSystem,
                    recordId,
                    new BrokenRule(
                            BrokenRule.INCOMPLETE,
                            where + "missing " + String.join(", ", missing) + " (required: "
                                    + String.join(", ", REQUIRED) + ", and usedFrom and usedTo or usedAt)"));
        }
        if (usedAt != null && (value.containsKey(USED_FROM) || value.containsKey(USED_TO))) {
            return SubmittedRecord.unreadable(
                    index,
                    sendingSystem,
                    recordId,
                    new BrokenRule(
                            BrokenRule.MALFORMED, where + "give either usedAt or usedFrom and usedTo, not both"));
        }
        try {
            var memberNumber = memberNumber(where, value.get(MEMBER_NUMBER));
            var quantity = quantity(where, value.get(QUANTITY));
            LocalDate from;
            LocalDate to;
            if (usedAt != null) {
                from = businessDay(where, usedAt);
                to = from;
            } else {
                from = date(where, USED_FROM, value.get(USED_FROM));
                to = date(where, USED_TO, value.get(USED_TO));
            }
            return new SubmittedRecord(
                    index,
                    sendingSystem,
                    recordId,
                    memberNumber,
                    value.get(SERVICE_CODE),
                    quantity,
                    value.get(UNIT),
                    from,
                    to,
                    value.get(REVERSES_RECORD_ID),
                    null);
        } catch (Unreadable e) {
            return SubmittedRecord.unreadable(index, sendingSystem, recordId, e.why);
        }
    }

    private static long memberNumber(String where, String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new Unreadable(malformed(where, MEMBER_NUMBER, quoted(text) + " is not a whole number"));
        }
    }

    private static BigDecimal quantity(String where, String text) {
        try {
            if (text.length() <= LONGEST_NUMBER) {
                return new BigDecimal(text);
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new Unreadable(malformed(
                where, QUANTITY, quoted(text) + " is not a decimal number (with a decimal point, e.g. 120.5)"));
    }

    private static LocalDate date(String where, String field, String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new Unreadable(malformed(where, field, quoted(text) + " is not a date like 2026-03-01"));
        }
    }

    private static LocalDate businessDay(String where, String text) {
        try {
            return OffsetDateTime.parse(text)
                    .atZoneSameInstant(BusinessTime.ZONE)
                    .toLocalDate();
        } catch (DateTimeParseException e) {
            throw new Unreadable(
                    malformed(where, USED_AT, quoted(text) + " is not an instant like 2026-03-01T10:15:00Z"));
        }
    }

    static BrokenRule malformed(String where, String field, String problem) {
        return new BrokenRule(BrokenRule.MALFORMED, where + "field " + field + ": " + problem);
    }

    private static String quoted(String text) {
        return "'" + limited(text, 60) + "'";
    }

    private static String limited(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }

    private static final class Unreadable extends RuntimeException {
        private final BrokenRule why;

        Unreadable(BrokenRule why) {
            super(why.detail(), null, false, false);
            this.why = why;
        }
    }
}
