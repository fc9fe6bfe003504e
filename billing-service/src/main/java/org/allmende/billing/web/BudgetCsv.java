package org.allmende.billing.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.allmende.billing.run.BudgetPreviews.BudgetPreview;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/**
 * The budget preview for a German municipality's budget spreadsheet (ADR 0025): semicolon-separated, decimal comma,
 * no thousands separator, CRLF, UTF-8 with a byte order mark (so a German Excel opens it with umlauts and numbers
 * right on a double click; LibreOffice asks and takes the same). One header line, then one line per service and
 * month — the membership fee counts as a service — so a pivot table or a SUMIF gives any total; the year's totals
 * are the sums of these lines, exactly.
 */
final class BudgetCsv {

    private static final String BYTE_ORDER_MARK = "\uFEFF";

    private BudgetCsv() {}

    static ResponseEntity<byte[]> download(BudgetPreview preview) {
        var format = CSVFormat.RFC4180
                .builder()
                .setDelimiter(';')
                .setHeader(
                        "member_number",
                        "year",
                        "month",
                        "service_code",
                        "service_name",
                        "unit",
                        "average_monthly_usage",
                        "net",
                        "vat",
                        "gross",
                        "usage_basis")
                .get();
        var text = new StringBuilder(BYTE_ORDER_MARK);
        try (var csv = new CSVPrinter(text, format)) {
            var budget = preview.budget();
            for (var service : budget == null
                    ? java.util.List.<org.allmende.billing.contribution.Budgets.ServiceBudget>of()
                    : budget.services()) {
                for (var month : service.months()) {
                    csv.printRecord(
                            preview.memberNumber(),
                            preview.year(),
                            month.month(),
                            service.serviceCode(),
                            preview.serviceNames().get(service.serviceCode()),
                            service.unit(),
                            decimal(service.monthlyUsage()),
                            decimal(month.net()),
                            decimal(month.vat()),
                            decimal(month.gross()),
                            service.usageBasis());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not fail; the signature says it might
        }
        return ResponseEntity.ok()
                .contentType(UsageCsv.TEXT_CSV)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("budget-" + preview.memberNumber() + "-" + preview.year() + ".csv")
                                .build()
                                .toString())
                .body(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** 1234.50 → 1234,50: a German spreadsheet reads it as a number. */
    private static String decimal(BigDecimal value) {
        return value == null ? "" : value.toPlainString().replace('.', ',');
    }
}
