package org.allmende.billing.run;

import static org.allmende.billing.run.PrintedPages.PATIENCE;
import static org.allmende.billing.run.PrintedPages.pages;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.allmende.devinfra.DemoLogins;
import org.allmende.events.usage.UsageRecorded;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * An invoice carries the usage its draft read; whatever of its period is counted later — between drafting and issuing,
 * a reversal among it, after issuing, after a run whose drafting broke off — is corrected once by the member's next
 * run, and a rebuild of the usage projections from offset 0 corrects nothing again (ADR 0029). One page costs 0.05
 * EUR, VAT 19 %; usage comes over two partitions, keyed by member.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LateUsageBetweenDraftAndIssueIT {

    private static PrintedPages printed;
    private static long usageRecords;
    /** March's invoice of each member. */
    private static final Map<Long, String> MARCH = new HashMap<>();
    /** April's invoice of each member. */
    private static final Map<Long, String> APRIL = new HashMap<>();

    /** Sends records new to billing: each is counted once. */
    private static void count(List<UsageRecorded> records) {
        printed.send(records);
        usageRecords += records.size();
        assertThat(printed.billing.jdbc().queryForObject("select count(*) from usage_record", Long.class))
                .isEqualTo(usageRecords);
    }

    /** Issues the run; every member's draft must be issued. Returns the invoice numbers by member. */
    private static Map<Long, String> issue(String runId) {
        var response = printed.billing.api(DemoLogins.FINANCE).post("/api/invoice-runs/" + runId + "/issue", Map.of());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        var numbers = new TreeMap<Long, String>();
        response.json().path("drafts").forEach(d -> {
            assertThat(d.path("outcome").asText()).as(d.toString()).isEqualTo("ISSUED");
            numbers.put(d.path("memberNumber").asLong(), d.path("number").asText());
        });
        return numbers;
    }

    private static List<String> lines(String runId, long member) {
        return printed.lines(runId, member, "%");
    }

    /** The lines of a member's issued invoice, as billing's read side lists them. */
    private static List<String> invoiceLines(String number) {
        await().atMost(PATIENCE)
                .until(() -> printed.billing
                                .jdbc()
                                .queryForObject(
                                        "select count(*) from issued_document where number = ?", Long.class, number)
                        == 1);
        return printed.billing
                .jdbc()
                .queryForList(
                        """
                        select l.kind || ' | ' || trim_scale(l.quantity) || ' | ' || l.net || ' | ' || l.vat || ' | '
                            || l.gross
                        from issued_line l join issued_document d on d.document_id = l.document_id
                        where d.number = ?
                        order by l.line_no
                        """,
                        String.class,
                        number);
    }

    private static String usageLine(String pages, String net, String vat, String gross) {
        return "USAGE | 0.05 EUR per PAGE | " + pages + " | 0.05 | " + net + " | " + vat + " | " + gross;
    }

    private static String correctionLine(String invoice, String pages, String net, String vat, String gross) {
        return "CORRECTION | Correction of 2026-03 (invoice " + invoice + "): 0.05 EUR per PAGE | " + pages
                + " | 0.05 | " + net + " | " + vat + " | " + gross;
    }

    /** The late records listed for finance: record id → state and the invoice they came late for. */
    private static Map<String, String> late(String query) {
        var late = new TreeMap<String, String>();
        for (JsonNode record : printed.late(query)) {
            late.put(
                    record.path("usage").path("recordId").asText(),
                    record.path("state").asText() + " "
                            + record.path("invoicedBy").asText()
                            + (record.path("settledBy").isTextual()
                                    ? " settled by " + record.path("settledBy").asText()
                                    : ""));
        }
        return late;
    }

    @BeforeAll
    static void start() {
        printed = PrintedPages.start(4);
        printed.publish(
                """
                {"serviceCode":"PRINT-PAGES","effectiveFrom":"2026-01-01","model":{"type":"PER_UNIT","unitPrice":0.05}}
                """);
    }

    @AfterAll
    static void stop() {
        printed.close();
    }

    @Test
    @Order(1)
    void usageCountedBetweenDraftingAndIssuingIsNotOnTheInvoiceButLateForIt() {
        // (a) before drafting: on March's invoice
        count(List.of(
                pages("m1-a", 1, "100", LocalDate.of(2026, 3, 10)),
                pages("m2-a", 2, "50", LocalDate.of(2026, 3, 11)),
                pages("m3-a", 3, "100", LocalDate.of(2026, 3, 5)),
                pages("m4-a", 4, "10", LocalDate.of(2026, 3, 3))));
        var march = printed.run("2026-03");

        // (b) after drafting, before issuing: 20 more pages of March; (d) and 30 of member 3's 100 taken back
        count(List.of(
                pages("m1-b", 1, "20", LocalDate.of(2026, 3, 15)),
                pages("m3-d", 3, "30", LocalDate.of(2026, 3, 5), "m3-a"),
                pages("m1-april", 1, "10", LocalDate.of(2026, 4, 2))));
        printed.send(List.of(pages("m1-b", 1, "20", LocalDate.of(2026, 3, 15)))); // delivered twice: counted once
        assertThat(late("")).as("nothing is invoiced yet").isEmpty();

        MARCH.putAll(issue(march));
        assertThat(MARCH).containsOnlyKeys(1L, 2L, 3L, 4L);
        assertThat(invoiceLines(MARCH.get(1L))).containsExactly("USAGE | 100 | 5.00 | 0.95 | 5.95");
        assertThat(invoiceLines(MARCH.get(2L))).containsExactly("USAGE | 50 | 2.50 | 0.48 | 2.98");
        assertThat(invoiceLines(MARCH.get(3L))).containsExactly("USAGE | 100 | 5.00 | 0.95 | 5.95");
        assertThat(invoiceLines(MARCH.get(4L))).containsExactly("USAGE | 10 | 0.50 | 0.10 | 0.60");
        assertThat(late(""))
                .as("marked late when March was issued: its drafts did not read them")
                .containsExactly(
                        Map.entry("m1-b", "WAITING " + MARCH.get(1L)), Map.entry("m3-d", "WAITING " + MARCH.get(3L)));
        assertThat(printed.billing
                        .jdbc()
                        .queryForObject("select count(*) from usage_record where after_draft", Long.class))
                .as("the issue decided on every record counted while March's run existed")
                .isZero();
    }

    @Test
    @Order(2)
    void usageCountedAfterIssuingIsLateAsBefore() {
        // (c) after issuing
        count(List.of(pages("m2-c", 2, "7", LocalDate.of(2026, 3, 20))));
        assertThat(late("?member=2")).containsExactly(Map.entry("m2-c", "WAITING " + MARCH.get(2L)));
    }

    @Test
    @Order(3)
    void aRunWhoseDraftingBrokeOffIsDraftedAgainWithWhatCameMeanwhileAndEveryLateRecordIsCorrectedOnce() {
        count(List.of(pages("m3-april", 3, "100", LocalDate.of(2026, 4, 4))));
        // (e) what a crash before the last chunk leaves: a run with drafts, never completed
        var broken = printed.run("2026-04");
        printed.billing
                .jdbc()
                .update("update invoice_run set status = 'DRAFTING', drafted_at = null where run_id = ?::uuid", broken);
        var refused = printed.billing.api(DemoLogins.FINANCE).post("/api/invoice-runs/" + broken + "/issue", Map.of());
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        count(List.of(pages("m4-e", 4, "5", LocalDate.of(2026, 4, 8))));

        var april = printed.run("2026-04");
        assertThat(lines(april, 1))
                .containsExactly(
                        usageLine("10", "0.50", "0.10", "0.60"),
                        correctionLine(MARCH.get(1L), "20", "1.00", "0.19", "1.19"));
        assertThat(lines(april, 2)).containsExactly(correctionLine(MARCH.get(2L), "7", "0.35", "0.07", "0.42"));
        assertThat(lines(april, 3))
                .containsExactly(
                        usageLine("100", "5.00", "0.95", "5.95"),
                        correctionLine(MARCH.get(3L), "-30", "-1.50", "-0.29", "-1.79"));
        assertThat(lines(april, 4))
                .as("counted after the broken run's drafts: in the new run's, and not late")
                .containsExactly(usageLine("5", "0.25", "0.05", "0.30"));

        APRIL.putAll(issue(april));
        assertThat(invoiceLines(APRIL.get(3L)))
                .containsExactly("USAGE | 100 | 5.00 | 0.95 | 5.95", "CORRECTION | -30 | -1.50 | -0.29 | -1.79");
        assertThat(late("")).isEmpty();
        assertThat(late("?settled=true"))
                .containsExactly(
                        Map.entry("m1-b", "SETTLED " + MARCH.get(1L) + " settled by " + APRIL.get(1L)),
                        Map.entry("m2-c", "SETTLED " + MARCH.get(2L) + " settled by " + APRIL.get(2L)),
                        Map.entry("m3-d", "SETTLED " + MARCH.get(3L) + " settled by " + APRIL.get(3L)));
    }

    @Test
    @Order(4)
    void aRebuildFromOffsetZeroMarksTheSameRecordsLateAndCorrectsNothingAgain() {
        var settled = late("?settled=true");
        var before = printed.billing
                .jdbc()
                .queryForObject("select max(recorded_at) from usage_record", java.sql.Timestamp.class);
        var rebuild = printed.billing.api(DemoLogins.ADMIN).post("/api/admin/usage/rebuild", Map.of());
        assertThat(rebuild.status()).as(rebuild.toString()).isEqualTo(202);
        await().atMost(PATIENCE)
                .until(() -> printed.billing
                                .jdbc()
                                .queryForObject(
                                        "select count(*) from usage_record where recorded_at > ?", Long.class, before)
                        == usageRecords);
        printed.awaitConsumed();

        assertThat(late("")).isEmpty();
        assertThat(late("?settled=true")).isEqualTo(settled);
        count(List.of(pages("m1-may", 1, "3", LocalDate.of(2026, 5, 6))));
        var may = printed.run("2026-05");
        assertThat(lines(may, 1)).containsExactly(usageLine("3", "0.15", "0.03", "0.18"));
        for (long member = 2; member <= 4; member++) {
            assertThat(lines(may, member)).as("member " + member).isEmpty();
        }
    }
}
