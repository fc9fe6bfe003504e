package org.allmende.billing.web;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.allmende.billing.document.DocumentIssued;
import org.allmende.billing.document.DocumentType;
import org.allmende.billing.document.Documents;
import org.allmende.billing.document.DocumentsRebuild;
import org.allmende.billing.document.IssuedDocuments;
import org.springframework.http.HttpStatus;
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

    private final Documents documents;
    private final IssuedDocuments issued;
    private final DocumentsRebuild rebuild;
    private final DocumentDownloads downloads;

    DocumentController(
            Documents documents, IssuedDocuments issued, DocumentsRebuild rebuild, DocumentDownloads downloads) {
        this.documents = documents;
        this.issued = issued;
        this.rebuild = rebuild;
        this.downloads = downloads;
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
        return downloads.any(number);
    }

    @GetMapping("/api/me/documents")
    List<IssuedDocuments.DocumentSummary> mine(@RequestParam Optional<DocumentType> type) {
        return issued.list(Optional.of(DocumentDownloads.memberNumber()), type);
    }

    @GetMapping("/api/me/documents/{number}")
    DocumentIssued mine(@PathVariable String number) {
        return downloads.own(number);
    }

    @GetMapping("/api/documents/{number}/{format:ubl|cii|pdf}")
    @FileDownload(
            summary = "An invoice or credit note as XRechnung 3.0 (UBL, CII) or ZUGFeRD PDF/A-3, as first delivered")
    ResponseEntity<byte[]> file(@PathVariable String number, @PathVariable DocumentDownloads.Download format) {
        return downloads.download(downloads.any(number), format);
    }

    @GetMapping("/api/me/documents/{number}/{format:ubl|cii|pdf}")
    @FileDownload(summary = "The member's own invoice or credit note as XRechnung 3.0 (UBL, CII) or PDF")
    ResponseEntity<byte[]> myFile(@PathVariable String number, @PathVariable DocumentDownloads.Download format) {
        return downloads.download(downloads.own(number), format);
    }

    @PostMapping("/api/admin/documents/rebuild")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void rebuild() {
        rebuild.start();
    }
}
