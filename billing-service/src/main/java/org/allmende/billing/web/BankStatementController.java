package org.allmende.billing.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;
import org.allmende.billing.payment.BankStatements;
import org.allmende.billing.payment.StatementImported;
import org.allmende.support.security.CurrentUser;
import org.allmende.support.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Bank statements in camt.053, as the bank's online banking exports them. */
@RestController
class BankStatementController {

    /** A day's statement of an account is some kilobytes; a year's of a busy one some megabytes. */
    static final int MAXIMUM_BYTES = 50 * 1024 * 1024;

    private static final Pattern XML_ENCODING = Pattern.compile("^<\\?xml[^>]*encoding=[\"']([A-Za-z0-9._-]+)[\"']");

    /** The body is no XML document. */
    static class NotXml extends RuntimeException {}

    /** The body is larger than any statement. */
    static class TooLarge extends RuntimeException {}

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
                @ApiResponse(responseCode = "413", description = "Larger than 50 MB (`statement-too-large`)"),
                @ApiResponse(
                        responseCode = "415",
                        description = "Not application/xml or text/xml (`unsupported-media-type`)")
            })
    StatementImported importStatement(HttpServletRequest request) throws IOException {
        var type = xml(request.getContentType()).orElseThrow(NotXml::new);
        var bytes = request.getInputStream().readNBytes(MAXIMUM_BYTES + 1);
        if (bytes.length > MAXIMUM_BYTES) {
            throw new TooLarge();
        }
        return statements.importStatement(new String(bytes, charset(type, bytes)), CurrentUser.name());
    }

    private static Optional<MediaType> xml(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        try {
            var type = MediaType.parseMediaType(contentType);
            return type.isCompatibleWith(MediaType.APPLICATION_XML) || type.isCompatibleWith(MediaType.TEXT_XML)
                    ? Optional.of(type)
                    : Optional.empty();
        } catch (InvalidMediaTypeException e) {
            return Optional.empty();
        }
    }

    /** The charset the request names, else the one the XML declaration names, else UTF-8 (what banks send). */
    private static Charset charset(MediaType type, byte[] body) {
        if (type.getCharset() != null) {
            return type.getCharset();
        }
        var declaration =
                XML_ENCODING.matcher(new String(body, 0, Math.min(body.length, 200), StandardCharsets.ISO_8859_1));
        if (declaration.find() && Charset.isSupported(declaration.group(1))) {
            return Charset.forName(declaration.group(1));
        }
        return StandardCharsets.UTF_8;
    }

    @ExceptionHandler(TooLarge.class)
    ProblemDetail tooLarge() {
        return Problems.problem(
                HttpStatus.CONTENT_TOO_LARGE,
                URI.create("urn:allmende:problem:statement-too-large"),
                "Statement too large",
                "A statement has at most " + MAXIMUM_BYTES / (1024 * 1024) + " MB; import it in parts (per day).");
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
