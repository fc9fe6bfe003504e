package org.allmende.membership.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.allmende.membership.usage.BatchOutcome;
import org.allmende.membership.usage.BatchRefused;
import org.allmende.membership.usage.RecordOutcome.Status;
import org.allmende.membership.usage.SubmittedRecord;
import org.allmende.membership.usage.UsageCsv;
import org.allmende.membership.usage.UsageFactsBehind;
import org.allmende.membership.usage.UsageIntake;
import org.allmende.membership.usage.UsageJson;
import org.allmende.support.web.CorrelationId;
import org.allmende.support.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Usage records in batches from sending systems (METER) and finance: JSON, or a CSV upload. Every record gets its
 * own answer — accepted, duplicate or rejected with the rule it broke; when Kafka does not take all of them, the
 * answer is 503 and still lists each record, those to send again as NOT_STORED.
 */
@RestController
class UsageController {

    static final URI NOT_STORED = URI.create("urn:allmende:problem:usage-not-stored");
    static final URI CATCHING_UP = URI.create("urn:allmende:problem:usage-view-catching-up");
    static final URI TOO_LARGE = URI.create("urn:allmende:problem:batch-too-large");
    static final MediaType CSV = MediaType.parseMediaType("text/csv");
    private static final String RETRY_AFTER_SECONDS = "5";

    private final UsageIntake intake;

    UsageController(UsageIntake intake) {
        this.intake = intake;
    }

    @PostMapping("/api/usage/batches")
    @Operation(
            summary = "Takes a batch of usage records (JSON or CSV)",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content = {
                                @Content(
                                        mediaType = MediaType.APPLICATION_JSON_VALUE,
                                        schema = @Schema(implementation = UsageBatchForm.class)),
                                @Content(
                                        mediaType = "text/csv",
                                        schema =
                                                @Schema(
                                                        type = "string",
                                                        description = "RFC 4180 with the header line"
                                                                + " sendingSystem,recordId,memberNumber,serviceCode,"
                                                                + "quantity,unit,usedFrom,usedTo,reversesRecordId"
                                                                + " (usedAt may replace usedFrom,usedTo)"))
                            }),
            responses = {
                @ApiResponse(responseCode = "200", description = "Every record with its outcome"),
                @ApiResponse(
                        responseCode = "413",
                        description = "More than 10,000 records (`batch-too-large`); nothing was taken"),
                @ApiResponse(
                        responseCode = "415",
                        description = "Neither application/json nor text/csv (`unsupported-media-type`)"),
                @ApiResponse(
                        responseCode = "503",
                        description = "Kafka did not take every record (`usage-not-stored`, every record listed:"
                                + " send the NOT_STORED ones again), or the facts are still catching up"
                                + " (`usage-view-catching-up`, nothing taken); see Retry-After")
            })
    ResponseEntity<Object> take(HttpServletRequest request) throws IOException {
        var type = contentType(request);
        List<SubmittedRecord> records;
        if (MediaType.APPLICATION_JSON.includes(type)) {
            records = UsageJson.read(request.getInputStream(), intake.maximumRecords());
        } else if (CSV.includes(type)) {
            var charset = type.getCharset() == null ? StandardCharsets.UTF_8 : type.getCharset();
            records = UsageCsv.read(new InputStreamReader(request.getInputStream(), charset), intake.maximumRecords());
        } else {
            return unsupported();
        }
        return answer(intake.take(records, CorrelationId.current()));
    }

    private static MediaType contentType(HttpServletRequest request) {
        try {
            return request.getContentType() == null
                    ? MediaType.APPLICATION_OCTET_STREAM
                    : MediaType.parseMediaType(request.getContentType());
        } catch (InvalidMediaTypeException e) {
            return MediaType.APPLICATION_OCTET_STREAM;
        }
    }

    private static ResponseEntity<Object> answer(BatchOutcome outcome) {
        var answer = UsageBatchAnswer.of(outcome);
        if (outcome.stored()) {
            return ResponseEntity.ok(answer);
        }
        var notStored = outcome.count(Status.NOT_STORED);
        var problem = Problems.problem(
                HttpStatus.SERVICE_UNAVAILABLE,
                NOT_STORED,
                "Usage not stored",
                notStored + " of " + outcome.records().size() + " records could not be stored (marked NOT_STORED):"
                        + " send them, or the whole batch, again. Those marked ACCEPTED are stored; sent again,"
                        + " they are answered as duplicates.");
        problem.setProperty("rule", "usage-not-stored");
        problem.setProperty("accepted", answer.accepted());
        problem.setProperty("duplicates", answer.duplicates());
        problem.setProperty("rejected", answer.rejected());
        problem.setProperty("notStored", notStored);
        problem.setProperty("records", answer.records());
        return problemResponse(problem, true);
    }

    private static ResponseEntity<Object> unsupported() {
        var problem = Problems.problem(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                Problems.MEDIA_TYPE,
                "Unsupported media type",
                "Send application/json or text/csv.");
        return problemResponse(problem, false);
    }

    @ExceptionHandler(BatchRefused.class)
    ResponseEntity<Object> refused(BatchRefused e) {
        ProblemDetail problem;
        switch (e.reason()) {
            case TOO_LARGE ->
                problem = Problems.problem(HttpStatus.CONTENT_TOO_LARGE, TOO_LARGE, "Batch too large", e.getMessage());
            case EMPTY ->
                problem = Problems.invalidInput(
                        List.of(new Problems.FieldProblem("records", e.rule(), "must hold at least one record")));
            default ->
                problem = Problems.problem(
                        HttpStatus.BAD_REQUEST, Problems.UNREADABLE, "Unreadable request body", e.getMessage());
        }
        problem.setProperty("rule", e.rule());
        return problemResponse(problem, false);
    }

    @ExceptionHandler(UsageFactsBehind.class)
    ResponseEntity<Object> behind(UsageFactsBehind e) {
        var problem = Problems.problem(
                HttpStatus.SERVICE_UNAVAILABLE, CATCHING_UP, "Usage cannot be checked yet", e.getMessage());
        problem.setProperty("rule", UsageFactsBehind.RULE);
        return problemResponse(problem, true);
    }

    private static ResponseEntity<Object> problemResponse(ProblemDetail problem, boolean retry) {
        var response = ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (retry) {
            response.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        return response.body(problem);
    }
}
