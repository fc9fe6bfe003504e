package org.allmende.billing.document;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code allmende.documents}: the number pattern of each series and the payment terms. A pattern applies from the
 * first number of a year on; a change takes effect with the next year's series (ADR 0019). And how many drafts are
 * issued per transaction (ADR 0023). Checked at start.
 */
@ConfigurationProperties("allmende.documents")
public record DocumentsProperties(Series series, PaymentTerms paymentTerms, Integer issueBatchSize) {

    public record Series(SeriesPattern invoice, SeriesPattern creditNote, SeriesPattern capitalCall) {}

    public record SeriesPattern(NumberPattern pattern) {}

    public record PaymentTerms(Period invoice, Period capitalCall) {}

    public DocumentsProperties {
        if (series == null
                || series.invoice() == null
                || series.creditNote() == null
                || series.capitalCall() == null
                || series.invoice().pattern() == null
                || series.creditNote().pattern() == null
                || series.capitalCall().pattern() == null) {
            throw new IllegalArgumentException(
                    "allmende.documents.series.{invoice,credit-note,capital-call}.pattern are required");
        }
        if (paymentTerms == null || paymentTerms.invoice() == null || paymentTerms.capitalCall() == null) {
            throw new IllegalArgumentException(
                    "allmende.documents.payment-terms.{invoice,capital-call} are required, e.g. P14D");
        }
        issueBatchSize = issueBatchSize == null ? 200 : issueBatchSize;
        if (issueBatchSize < 1) {
            throw new IllegalArgumentException("allmende.documents.issue-batch-size must be at least 1");
        }
    }

    NumberPattern pattern(DocumentType type) {
        return switch (type) {
            case INVOICE -> series.invoice().pattern();
            case CREDIT_NOTE -> series.creditNote().pattern();
            case CAPITAL_CALL -> series.capitalCall().pattern();
        };
    }

    /** When payment is due after issue; a credit note is paid by us and has no due date. */
    Period paymentTerm(DocumentType type) {
        return switch (type) {
            case INVOICE -> paymentTerms.invoice();
            case CAPITAL_CALL -> paymentTerms.capitalCall();
            case CREDIT_NOTE -> null;
        };
    }
}
