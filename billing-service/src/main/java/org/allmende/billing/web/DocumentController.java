package org.allmende.billing.web;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.allmende.billing.delivery.DocumentFiles;
import org.allmende.billing.document.DocumentIssued;
import org.allmende.billing.document.DocumentType;
import org.allmende.billing.document.Documents;
import org.allmende.billing.document.DocumentsRebuild;
import org.allmende.billing.document.IssuedDocuments;
import org.allmende.billing.einvoice.EInvoiceRenderer.Format;
import org.allmende.support.security.CurrentUser;
import org.allmende.support.web.NotFound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Issuing a run's drafts (finance) and the issued documents: finance and the board see all, a member only its own
 * (the number comes from the login). Another member's document answers 404, as a number that does not exist, so
 * numbers tell nothing about other members; the attempt is logged. Invoices and credit notes are downloaded as
 * XRechnung (UBL, CII) and as PDF, each as first delivered (ADR 0022).
 */
@RestController
class DocumentController {

    private static final Logger log = LoggerFactory.getLogger(DocumentController.class);
    private final Documents documents;
    private final IssuedDocuments issued;
    private final DocumentsRebuild rebuild;
    private final DocumentFiles files;

    DocumentController(Documents documents, IssuedDocuments issued, DocumentsRebuild rebuild, DocumentFiles files) {
        this.documents = documents;
        this.issued = issued;
        this.rebuild = rebuild;
        this.files = files;
    }

    @PostMapping("/api/invoice-runs/{runId}/issue")
    Documents.RunIssue issue(@PathVariable UUID runId) {
        return documents.issue(runId);
    }

    @GetMapping("/api/documents")
    List<IssuedDocuments.DocumentSummary> list(
            @RequestParam Optional<Long> member, @RequestParam Optional<DocumentType> type) {
        return issued.list(member, type);
    }

    @GetMapping("/api/documents/{number}")
    DocumentIssued one(@PathVariable String number) {
        return issued.byNumber(number).orElseThrow(() -> noDocument(number));
    }

    @GetMapping("/api/me/documents")
    List<IssuedDocuments.DocumentSummary> mine(@RequestParam Optional<DocumentType> type) {
        return issued.list(Optional.of(memberNumber()), type);
    }

    @GetMapping("/api/me/documents/{number}")
    DocumentIssued mine(@PathVariable String number) {
        return own(number);
    }

    /** The formats a document is downloaded in, as the last segment of its path names them. */
    enum Download {
        ubl(Format.XRECHNUNG_UBL),
        cii(Format.XRECHNUNG_CII),
        pdf(Format.PDF);

        private final Format format;

        Download(Format format) {
            this.format = format;
        }
    }

    @GetMapping("/api/documents/{number}/{format:ubl|cii|pdf}")
    @FileDownload(
            summary = "An invoice or credit note as XRechnung 3.0 (UBL, CII) or ZUGFeRD PDF/A-3, as first delivered")
    ResponseEntity<byte[]> file(@PathVariable String number, @PathVariable Download format) {
        return download(issued.byNumber(number).orElseThrow(() -> noDocument(number)), format.format);
    }

    @GetMapping("/api/me/documents/{number}/{format:ubl|cii|pdf}")
    @FileDownload(summary = "The member's own invoice or credit note as XRechnung 3.0 (UBL, CII) or PDF")
    ResponseEntity<byte[]> myFile(@PathVariable String number, @PathVariable Download format) {
        return download(own(number), format.format);
    }

    /** A money document is never cached on the way: {@code no-store}. */
    private ResponseEntity<byte[]> download(DocumentIssued document, Format format) {
        var file = files.file(document, format);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.mediaType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(file.fileName())
                                .build()
                                .toString())
                .cacheControl(CacheControl.noStore())
                .eTag(file.sha256())
                .body(file.content());
    }

    /** The login's member's document; another member's is not found, as if it did not exist, and logged. */
    private DocumentIssued own(String number) {
        var memberNumber = memberNumber();
        var document = issued.byNumber(number).orElseThrow(() -> noDocument(number));
        if (document.buyer().memberNumber() != memberNumber) {
            log.warn(
                    "access denied: login {} of member {} asked for document {} of another member",
                    CurrentUser.name(),
                    memberNumber,
                    number);
            throw noDocument(number);
        }
        return document;
    }

    @PostMapping("/api/admin/documents/rebuild")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void rebuild() {
        rebuild.start();
    }

    private static long memberNumber() {
        return CurrentUser.memberNumber().orElseThrow(() -> new NotFound("This login is no member."));
    }

    private static NotFound noDocument(String number) {
        return new NotFound("There is no document " + number + ".");
    }
}
