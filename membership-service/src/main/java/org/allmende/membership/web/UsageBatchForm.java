package org.allmende.membership.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The JSON shape of a usage batch, for the API description: the controller reads the body as a stream (a batch
 * above the limit is refused at its first record too many) and checks every record itself.
 */
@Schema(description = "Up to 10,000 usage records; (sendingSystem, recordId) identifies a record.")
record UsageBatchForm(List<Record> records) {

    @Schema(
            description = "Give usedFrom and usedTo (inclusive), or usedAt: an instant whose day in Europe/Berlin is"
                    + " both.")
    record Record(
            @Schema(example = "druckflotte") String sendingSystem,
            @Schema(example = "r-1") String recordId,
            @Schema(example = "1") long memberNumber,
            @Schema(example = "PRINT-PAGES") String serviceCode,
            @Schema(example = "120.5", description = "above 0, below 10^9, at most 4 decimal places") String quantity,
            @Schema(example = "PAGE", description = "the service's unit in the catalog") String unit,
            @Schema(example = "2026-03-01") String usedFrom,
            @Schema(example = "2026-03-31") String usedTo,
            @Schema(example = "2026-03-01T10:15:00Z") String usedAt,
            @Schema(description = "for a correction: the recordId (same sending system) whose quantity it takes back")
                    String reversesRecordId) {}
}
