package org.allmende.billing.delivery;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Optional;
import org.allmende.billing.document.DocumentIssued;
import org.allmende.billing.document.DocumentType;
import org.allmende.billing.document.IssuedDocuments;
import org.allmende.billing.einvoice.EInvoiceDocument;
import org.allmende.billing.einvoice.EInvoiceRenderer;
import org.allmende.billing.einvoice.EInvoiceRenderer.Format;
import org.allmende.billing.einvoice.SellerProperties;
import org.allmende.support.web.RuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The files of issued documents as delivered (ADR 0022): each format of a document is rendered the first time it is
 * asked for and stored with its SHA-256; from then on the stored bytes are served, so a later change of the seller's
 * configuration or of the renderer never changes a document that went out (GoBD). Two first requests at once both
 * render, one insert wins (the other's is dropped on the primary key) and both serve the winner's bytes.
 */
@Component
public class DocumentFiles {

    private static final Logger log = LoggerFactory.getLogger(DocumentFiles.class);

    /** A file as stored and served. */
    public record DocumentFile(String fileName, String mediaType, byte[] content, String sha256) {}

    private final JdbcTemplate jdbc;
    private final IssuedDocuments issued;
    private final EInvoiceRenderer renderer;
    private final SellerProperties seller;
    private final Clock clock;

    @Autowired
    DocumentFiles(JdbcTemplate jdbc, IssuedDocuments issued, SellerProperties seller, Clock clock) {
        this(jdbc, issued, new EInvoiceRenderer(), seller, clock);
    }

    /** With a renderer and seller of the caller's choice: a test shows that neither changes a delivered file. */
    public DocumentFiles(
            JdbcTemplate jdbc,
            IssuedDocuments issued,
            EInvoiceRenderer renderer,
            SellerProperties seller,
            Clock clock) {
        this.jdbc = jdbc;
        this.issued = issued;
        this.renderer = renderer;
        this.seller = seller;
        this.clock = clock;
    }

    /**
     * The document in the format, as first delivered.
     *
     * @throws RuleViolation {@code not-an-e-invoice} for XRechnung of a capital call (its PDF is plain), {@code
     *     leitweg-id-missing} for XRechnung of
     *     a member without Leitweg-ID (the PDF works), and the mapping's rules
     */
    public DocumentFile file(DocumentIssued document, Format format) {
        if (document.type() == DocumentType.CAPITAL_CALL && format != Format.PDF) {
            throw EInvoiceMapping.notAnEInvoice(document.number());
        }
        var stored = stored(document.number(), format);
        if (stored.isPresent()) {
            return stored.get();
        }
        EInvoiceDocument eInvoice;
        byte[] content;
        try {
            eInvoice = EInvoiceMapping.of(document, precedingIssueDate(document), seller);
            content = render(eInvoice, format);
        } catch (IllegalArgumentException e) {
            // the e-invoice model refuses what could not validate: say so rather than send it
            log.error("{} cannot be rendered as {}: {}", document.number(), format, e.getMessage());
            throw new RuleViolation(
                    "e-invoice-not-valid",
                    document.number() + " cannot be rendered as " + format + ": " + e.getMessage());
        }
        var file = new DocumentFile(
                EInvoiceRenderer.fileName(eInvoice, format), format.mediaType(), content, sha256(content));
        var inserted = jdbc.update(
                """
                insert into document_file (document_number, format, media_type, file_name, content, sha256,
                    rendered_at)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (document_number, format) do nothing
                """,
                document.number(),
                format.name(),
                file.mediaType(),
                file.fileName(),
                file.content(),
                file.sha256(),
                Timestamp.from(clock.instant()));
        if (inserted == 1) {
            log.info("{} rendered as {} and stored, SHA-256 {}", document.number(), format, file.sha256());
            return file;
        }
        return stored(document.number(), format).orElseThrow();
    }

    private byte[] render(EInvoiceDocument eInvoice, Format format) {
        if (format != Format.PDF && eInvoice.buyer().leitwegId() == null) {
            throw new RuleViolation(
                    "leitweg-id-missing",
                    "Member " + eInvoice.buyer().memberNumber() + " had no Leitweg-ID when " + eInvoice.number()
                            + " was issued: XRechnung requires the buyer reference (BT-10) and the buyer's"
                            + " electronic address (BT-49), and billing knows no other. The PDF is available.");
        }
        return switch (format) {
            case XRECHNUNG_UBL -> renderer.xrechnungUbl(eInvoice);
            case XRECHNUNG_CII -> renderer.xrechnungCii(eInvoice);
            case PDF -> renderer.pdf(eInvoice);
        };
    }

    private LocalDate precedingIssueDate(DocumentIssued document) {
        if (document.refersToNumber() == null) {
            return null;
        }
        return issued.byNumber(document.refersToNumber())
                .map(DocumentIssued::issuedOn)
                .orElseThrow(() -> new IllegalStateException(
                        document.number() + " corrects " + document.refersToNumber() + ", which is not on record"));
    }

    private Optional<DocumentFile> stored(String number, Format format) {
        return jdbc
                .query(
                        "select file_name, media_type, content, sha256 from document_file"
                                + " where document_number = ? and format = ?",
                        (row, i) -> new DocumentFile(
                                row.getString("file_name"),
                                row.getString("media_type"),
                                row.getBytes("content"),
                                row.getString("sha256")),
                        number,
                        format.name())
                .stream()
                .findFirst();
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
