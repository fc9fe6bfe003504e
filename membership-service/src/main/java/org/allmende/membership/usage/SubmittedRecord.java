package org.allmende.membership.usage;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.allmende.events.usage.UsageRecorded;

/**
 * One usage record as a sending system submitted it, at its place in the batch (from 0). A record that could not
 * be read carries the rule it broke in {@code unreadable} ({@code incomplete} or {@code malformed}) and whatever
 * of it could be read; a readable one has every field but {@code reversesRecordId}.
 */
public record SubmittedRecord(
        int index,
        String sendingSystem,
        String recordId,
        Long memberNumber,
        String serviceCode,
        BigDecimal quantity,
        String unit,
        LocalDate usedFrom,
        LocalDate usedTo,
        String reversesRecordId,
        BrokenRule unreadable) {

    /** The sender's idempotency key. */
    public record Key(String sendingSystem, String recordId) {}

    static SubmittedRecord unreadable(int index, String sendingSystem, String recordId, BrokenRule why) {
        return new SubmittedRecord(index, sendingSystem, recordId, null, null, null, null, null, null, null, why);
    }

    /** Null when the record does not say who sent it or under which id. */
    public Key key() {
        return sendingSystem == null || recordId == null ? null : new Key(sendingSystem, recordId);
    }

    public boolean isReversal() {
        return reversesRecordId != null;
    }

    /** The original this record takes back, for a reversal. */
    Key reversedKey() {
        return reversesRecordId == null ? null : new Key(sendingSystem, reversesRecordId);
    }

    /** As the contract event; the quantity without trailing zeros and never in exponent notation (2E+2). */
    UsageRecorded toEvent() {
        var plain = quantity.stripTrailingZeros();
        if (plain.scale() < 0) {
            plain = plain.setScale(0);
        }
        return new UsageRecorded(
                sendingSystem, recordId, memberNumber, serviceCode, plain, unit, usedFrom, usedTo, reversesRecordId);
    }
}
