package org.allmende.billing.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.core.annotation.AliasFor;

/**
 * The OpenAPI description of a document's file download (ADR 0022): XML or PDF bytes, or a 409 problem naming why
 * there is no such file. One place for what finance's and the member's downloads answer alike.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Operation(
        responses = {
            @ApiResponse(
                    responseCode = "200",
                    content = {
                        @Content(mediaType = "application/xml", schema = @Schema(type = "string", format = "binary")),
                        @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary"))
                    }),
            @ApiResponse(
                    responseCode = "409",
                    description =
                            "`not-an-e-invoice` (XRechnung of a capital call), `leitweg-id-missing` (XRechnung of a member"
                                    + " without Leitweg-ID; the PDF is delivered), `not-taxable-line`,"
                                    + " `e-invoice-differs-from-booked`, `e-invoice-not-valid`",
                    content =
                            @Content(
                                    mediaType = "application/problem+json",
                                    schema = @Schema(ref = "#/components/schemas/ProblemDetail")))
        })
@interface FileDownload {

    @AliasFor(annotation = Operation.class, attribute = "summary")
    String summary();
}
