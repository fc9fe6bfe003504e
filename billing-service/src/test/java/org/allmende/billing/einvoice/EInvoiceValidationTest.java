package org.allmende.billing.einvoice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.allmende.billing.einvoice.EInvoiceRenderer.Format;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every generated e-invoice is checked by a validator nobody on this project wrote (Mustang's: XSD, EN 16931 and
 * XRechnung 3.0 Schematron, veraPDF for PDF/A-3), and any error fails the test with the validator's messages.
 * Warnings fail too: an XRechnung that passes only with warnings is one a public buyer's portal may still reject.
 * The files are kept in {@code target/einvoices/} to look at.
 */
class EInvoiceValidationTest {

    private static final Path OUT = Path.of("target", "einvoices");
    private static final EInvoiceRenderer RENDERER = new EInvoiceRenderer();

    static Stream<Arguments> samplesInEveryFormat() {
        return EInvoiceSamples.all().stream().flatMap(sample -> Stream.of(Format.values())
                .map(format -> Arguments.of(sample.get()[0], format, sample.get()[1])));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("samplesInEveryFormat")
    void validatesWithoutErrorsOrWarnings(String sample, Format format, EInvoiceDocument document) throws IOException {
        var content =
                switch (format) {
                    case XRECHNUNG_UBL -> RENDERER.xrechnungUbl(document);
                    case XRECHNUNG_CII -> RENDERER.xrechnungCii(document);
                    case PDF -> RENDERER.pdf(document);
                };
        var fileName = EInvoiceRenderer.fileName(document, format);
        Files.createDirectories(OUT);
        Files.write(OUT.resolve(fileName), content);

        var report = MustangValidator.validate(content, fileName);

        assertThat(report.errors()).as(report.describe()).isEmpty();
        assertThat(report.warnings()).as(report.describe()).isEmpty();
        assertThat(report.valid()).as(report.describe()).isTrue();
    }
}
