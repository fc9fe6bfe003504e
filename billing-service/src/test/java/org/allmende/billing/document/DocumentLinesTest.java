package org.allmende.billing.document;

import static org.allmende.billing.document.LineKind.CORRECTION;
import static org.allmende.billing.document.LineKind.SHARE_CAPITAL;
import static org.allmende.billing.document.LineKind.USAGE;
import static org.allmende.events.billing.VatRegime.EXEMPT_COST_SHARING;
import static org.allmende.events.billing.VatRegime.NOT_TAXABLE;
import static org.allmende.events.billing.VatRegime.TAXABLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;
import org.allmende.events.billing.VatRegime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DocumentLinesTest {

    static DocumentLine line(
            LineKind kind,
            String description,
            String unitPrice,
            String net,
            String rate,
            VatRegime regime,
            String vat,
            String gross) {
        return new DocumentLine(
                kind,
                description,
                null,
                new BigDecimal("1250"),
                "PAGE",
                amount(unitPrice),
                amount(net),
                amount(rate),
                regime,
                amount(vat),
                amount(gross));
    }

    static BigDecimal amount(String value) {
        return value == null ? null : new BigDecimal(value);
    }

    static final DocumentLine PAGES = line(USAGE, "Druckseiten März", "0.04", "50.00", "19", TAXABLE, "9.50", "59.50");
    static final DocumentLine SHARES =
            line(SHARE_CAPITAL, "Geschäftsanteile", "4", "5000.00", "0", NOT_TAXABLE, "0", "5000.00");

    static Stream<Arguments> brokenDrafts() {
        var invoice = DocumentType.INVOICE;
        return Stream.of(
                Arguments.of(invoice, List.of(), "document-without-lines"),
                Arguments.of(
                        invoice,
                        List.of(line(USAGE, " ", "0.04", "50.00", "19", TAXABLE, "9.50", "59.50")),
                        "line-incomplete"),
                Arguments.of(
                        invoice,
                        List.of(line(USAGE, "Seiten", "0.04", null, "19", TAXABLE, "9.50", "59.50")),
                        "line-incomplete"),
                Arguments.of(
                        invoice,
                        List.of(line(USAGE, "x".repeat(301), "0.04", "50.00", "19", TAXABLE, "9.50", "59.50")),
                        "line-text-too-long"),
                Arguments.of(
                        invoice,
                        List.of(line(USAGE, "Seiten", "0.04", "50.001", "19", TAXABLE, "9.50", "59.501")),
                        "amount-scale"),
                Arguments.of(
                        invoice,
                        List.of(line(USAGE, "Seiten", "0.04001", "50.00", "19", TAXABLE, "9.50", "59.50")),
                        "quantity-scale"),
                Arguments.of(
                        invoice,
                        List.of(line(USAGE, "Seiten", "0.04", "50.00", "119", TAXABLE, "59.50", "109.50")),
                        "vat-rate-invalid"),
                Arguments.of(
                        invoice,
                        List.of(line(USAGE, "Seiten", "0.04", "50.00", "19", EXEMPT_COST_SHARING, "9.50", "59.50")),
                        "vat-on-untaxed-line"),
                Arguments.of(
                        invoice,
                        List.of(line(USAGE, "Seiten", "0.04", "50.00", "19", TAXABLE, "9.50", "59.49")),
                        "gross-is-not-net-plus-vat"),
                Arguments.of(invoice, List.of(PAGES, SHARES), "share-capital-only-in-capital-calls"),
                Arguments.of(DocumentType.CAPITAL_CALL, List.of(PAGES), "share-capital-only-in-capital-calls"),
                Arguments.of(
                        DocumentType.CAPITAL_CALL,
                        List.of(line(
                                SHARE_CAPITAL, "Anteile", "4", "5000.00", "0", EXEMPT_COST_SHARING, "0", "5000.00")),
                        "capital-call-with-vat"),
                Arguments.of(
                        invoice,
                        List.of(line(CORRECTION, "Gutschrift", "-0.04", "-50.00", "19", TAXABLE, "-9.50", "-59.50")),
                        "invoice-total-negative"),
                Arguments.of(
                        DocumentType.CREDIT_NOTE,
                        List.of(line(USAGE, "Seiten", "0", "0.00", "19", TAXABLE, "0.00", "0.00")),
                        "document-total-not-positive"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("brokenDrafts")
    void aDraftThatBreaksALineRuleIsRefusedNamingTheRule(DocumentType type, List<DocumentLine> lines, String rule) {
        assertThatThrownBy(() -> DocumentLines.check(type, lines))
                .isInstanceOfSatisfying(
                        DocumentRefused.class, e -> assertThat(e.rule()).isEqualTo(rule));
    }

    @Test
    void anInvoiceMayCorrectAnEarlierPeriodAsLongAsItTotalsZeroOrMore() {
        var correction = line(CORRECTION, "Korrektur Februar", "-0.04", "-20.00", "19", TAXABLE, "-3.80", "-23.80");

        assertThatCode(() -> DocumentLines.check(DocumentType.INVOICE, List.of(PAGES, correction)))
                .doesNotThrowAnyException();
        assertThatCode(() -> DocumentLines.check(DocumentType.CAPITAL_CALL, List.of(SHARES)))
                .doesNotThrowAnyException();
    }
}
