package org.allmende.billing.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.allmende.billing.payment.BankStatements;
import org.allmende.billing.payment.StatementImported;
import org.allmende.support.security.CurrentUser;
import org.allmende.support.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Bank statements in camt.053, as the bank's online banking exports them. */
@RestController
class BankStatementController {

    /** The body is no XML document. */
    static class NotXml extends RuntimeException {}

    private final BankStatements statements;

    BankStatementController(BankStatements statements) {
        this.statements = statements;
    }

    @PostMapping("/api/bank-statements")
    @Operation(
            summary = "Imports a camt.053 statement (.001.02 or .001.08): credits become payments, returns of our"
                    + " direct debits re-open their items; the same statement again books nothing again",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_XML_VALUE,
                                            schema = @Schema(type = "string", description = "camt.053 XML"))),
            responses = {
                @ApiResponse(responseCode = "200", description = "Every entry with what became of it"),
                @ApiResponse(
                        responseCode = "400",
                        description = "No camt.053 statement (`errors[0].field` body, `rule` camt.053)"),
                @ApiResponse(
                        responseCode = "415",
                        description = "Not application/xml or text/xml (`unsupported-media-type`)")
            })
    StatementImported importStatement(
            @RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
            @RequestBody String body) {
        if (!xml(contentType)) {
            throw new NotXml();
        }
        return statements.importStatement(body, CurrentUser.name());
    }

    private static boolean xml(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            var type = MediaType.parseMediaType(contentType);
            return type.isCompatibleWith(MediaType.APPLICATION_XML) || type.isCompatibleWith(MediaType.TEXT_XML);
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    @ExceptionHandler(NotXml.class)
    ProblemDetail notXml() {
        return Problems.problem(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                Problems.MEDIA_TYPE,
                "Unsupported media type",
                "Send the camt.053 statement as application/xml.");
    }
}
