package org.allmende.events.usage;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A metered use of a service, as a sending system (a print server, a storage meter, the support desk) reports it
 * on {@code allmende.usage.v1}, keyed by the member number. {@code (sendingSystem, recordId)} identifies it: the
 * same pair again is a duplicate, never counted twice. A correction is a new record whose {@code reversesRecordId}
 * names the original of the same system; the original stays, the totals change.
 */
public record UsageRecorded(
        String sendingSystem,
        String recordId,
        long memberNumber,
        String serviceCode,
        BigDecimal quantity,
        String unit,
        LocalDate usedFrom,
        LocalDate usedTo,
        String reversesRecordId) {}
