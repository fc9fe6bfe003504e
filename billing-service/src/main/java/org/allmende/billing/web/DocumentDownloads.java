package org.allmende.billing.web;

import org.allmende.billing.delivery.DocumentFiles;
import org.allmende.billing.document.DocumentIssued;
import org.allmende.billing.document.IssuedDocuments;
import org.allmende.billing.einvoice.EInvoiceRenderer.Format;
import org.allmende.support.security.CurrentUser;
import org.allmende.support.web.NotFound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * An issued document for finance (any) or for a member (its own: another member's is not found, as if it did not
 * exist, and the attempt is logged), and its files as downloads — one place for the API and the pages.
 */
@Component
class DocumentDownloads {

    private static final Logger log = LoggerFactory.getLogger(DocumentDownloads.class);

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

    private final IssuedDocuments issued;
    private final DocumentFiles files;

    DocumentDownloads(IssuedDocuments issued, DocumentFiles files) {
        this.issued = issued;
        this.files = files;
    }

    DocumentIssued any(String number) {
        return issued.byNumber(number).orElseThrow(() -> noDocument(number));
    }

    /** The login's member's document; another member's is not found, as if it did not exist, and logged. */
    DocumentIssued own(String number) {
        var memberNumber = memberNumber();
        var document = any(number);
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

    /** A money document is never cached on the way: {@code no-store}. */
    ResponseEntity<byte[]> download(DocumentIssued document, Download format) {
        var file = files.file(document, format.format);
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

    static long memberNumber() {
        return CurrentUser.memberNumber().orElseThrow(() -> new NotFound("This login is no member."));
    }

    private static NotFound noDocument(String number) {
        return new NotFound("There is no document " + number + ".");
    }
}
