package org.allmende.membership.usage;

import com.fasterxml.jackson.annotation.JsonInclude;

/** What became of one record of a batch; {@code rule} and {@code detail} say why it was not taken. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RecordOutcome(
        int index, String sendingSystem, String recordId, Status status, String rule, String detail) {

    public enum Status {
        /** On the usage topic now. */
        ACCEPTED,
        /** Taken before (or earlier in this batch): not an error, nothing to do. */
        DUPLICATE,
        /** Breaks {@code rule}; correct it and send it again. */
        REJECTED,
        /** Could not be stored this time; send it again. */
        NOT_STORED
    }

    static RecordOutcome of(SubmittedRecord record, Status status, String rule, String detail) {
        return new RecordOutcome(record.index(), record.sendingSystem(), record.recordId(), status, rule, detail);
    }

    static RecordOutcome rejected(SubmittedRecord record, BrokenRule broken) {
        return of(record, Status.REJECTED, broken.rule(), broken.detail());
    }
}
