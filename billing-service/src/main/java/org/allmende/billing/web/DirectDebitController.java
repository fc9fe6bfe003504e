package org.allmende.billing.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.allmende.billing.payment.DirectDebitFileView;
import org.allmende.billing.payment.DirectDebits;
import org.allmende.support.security.CurrentUser;
import org.allmende.support.web.NotFound;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** SEPA direct debits: pain.008 files for the bank, and returns finance learns of before the statement. */
@RestController
class DirectDebitController {

    record CreateFile(@NotNull LocalDate collectionDate) {}

    record EnterReturn(
            @NotBlank @Size(max = 35) String endToEndId,
            @NotNull LocalDate returnedOn,
            @Size(max = 35) String reason) {}

    private final DirectDebits directDebits;

    DirectDebitController(DirectDebits directDebits) {
        this.directDebits = directDebits;
    }

    /**
     * 201 with what the file collects; the file at {@code /api/direct-debits/{id}/pain.008}. 409
     * {@code nothing-to-collect}, {@code creditor-not-configured}.
     */
    @PostMapping("/api/direct-debits")
    ResponseEntity<DirectDebitFileView> create(@Valid @RequestBody CreateFile request) {
        var file = directDebits.create(request.collectionDate(), CurrentUser.name());
        return ResponseEntity.created(URI.create("/api/direct-debits/" + file.id()))
                .body(file);
    }

    @GetMapping("/api/direct-debits")
    List<DirectDebitFileView> files() {
        return directDebits.files();
    }

    @GetMapping("/api/direct-debits/{id}")
    DirectDebitFileView file(@PathVariable long id) {
        return directDebits.file(id);
    }

    @GetMapping(value = "/api/direct-debits/{id}/pain.008", produces = MediaType.APPLICATION_XML_VALUE)
    @Operation(
            summary = "The pain.008.001.02 file as made, for upload to the bank",
            responses =
                    @ApiResponse(
                            responseCode = "200",
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_XML_VALUE,
                                            schema = @Schema(type = "string"))))
    ResponseEntity<String> document(@PathVariable long id) {
        var document = directDebits.document(id).orElseThrow(() -> new NotFound("No direct debit file " + id + "."));
        var file = directDebits.file(id);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_XML)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(file.messageId() + ".xml")
                                .build()
                                .toString())
                .body(document);
    }

    /** The bank gave a collection back: the item is open again and the next file collects it. */
    @PostMapping("/api/direct-debits/returns")
    DirectDebits.Returned enterReturn(@Valid @RequestBody EnterReturn request) {
        return directDebits.enterReturn(
                request.endToEndId(), request.returnedOn(), request.reason(), CurrentUser.name());
    }
}
