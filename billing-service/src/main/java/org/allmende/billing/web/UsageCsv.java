package org.allmende.billing.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import org.allmende.billing.ledger.UsageHistory.Granularity;
import org.allmende.billing.ledger.UsageHistory.ServiceSeries;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The usage history as a spreadsheet reads it: RFC 4180 (comma, CRLF, quotes only where a value needs them), UTF-8,
 * a header line, then one line per member, service and period, quantities with a decimal point and never an exponent.
 */
final class UsageCsv {

    static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private UsageCsv() {}

    static ResponseEntity<byte[]> download(long memberNumber, HistoryQuery query, List<ServiceSeries> services) {
        var monthly = query.granularity() == Granularity.MONTH;
        var format = CSVFormat.RFC4180
                .builder()
                .setHeader(
                        "member_number", "service_code", "service_name", "unit", monthly ? "month" : "day", "quantity")
                .get();
        var text = new StringBuilder();
        try (var csv = new CSVPrinter(text, format)) {
            for (var service : services) {
                for (var period : service.periods()) {
                    csv.printRecord(
                            memberNumber,
                            service.serviceCode(),
                            service.serviceName(),
                            service.unit(),
                            monthly ? YearMonth.from(period.start()) : period.start(),
                            period.quantity().toPlainString());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not fail; the signature says it might
        }
        var filename = "usage-" + memberNumber + "-" + query.from() + "-" + query.to() + ".csv";
        return ResponseEntity.ok()
                .contentType(TEXT_CSV)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(filename)
                                .build()
                                .toString())
                .body(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** CSV only for a client that asks for it first ({@code Accept: text/csv}); a wildcard gets JSON. */
    static boolean preferred(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        try {
            MediaType best = null;
            for (var type : MediaType.parseMediaTypes(accept)) {
                if (best == null || type.getQualityValue() > best.getQualityValue()) {
                    best = type;
                }
            }
            return best != null && best.equalsTypeAndSubtype(TEXT_CSV);
        } catch (IllegalArgumentException e) {
            return false; // an Accept header we cannot read gets the default, JSON
        }
    }
}
