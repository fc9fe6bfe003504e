package org.allmende.billing.run;

import static org.allmende.billing.run.PrintedPages.PATIENCE;
import static org.allmende.billing.run.PrintedPages.pages;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.allmende.devinfra.DemoLogins;
import org.allmende.events.usage.UsageRecorded;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Usage that arrives after its month was invoiced becomes a CORRECTION line in the member's next invoice run, at the
 * price of the month it was used in, naming that month and its invoice; the invoice that carries it settles the late
 * records, so no rerun, later run or usage rebuild corrects them again.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LateUsageCorrectionIT {

    private static PrintedPages printed;
    /** March's invoice of each member. */
    private static final Map<Long, String> MARCH_INVOICE = new java.util.HashMap<>();

    private static String firstAprilRun;

    private static void send(List<UsageRecorded> records) {
        printed.send(records);
    }

    private static String run(String period) {
        return printed.run(period);
    }

    /** Issues the run; the outcome of each member's draft. */
    private static Map<Long, JsonNode> issue(String runId) {
        var response = printed.billing.api(DemoLogins.FINANCE).post("/api/invoice-runs/" + runId + "/issue", Map.of());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        var outcomes = new java.util.TreeMap<Long, JsonNode>();
        response.json()
                .path("drafts")
                .forEach(d -> outcomes.put(d.path("memberNumber").asLong(), d));
        return outcomes;
    }

    private static List<String> lines(String runId, long member, String kind) {
        return printed.lines(runId, member, kind);
    }

    private static JsonNode late(String query) {
        return printed.late(query);
    }

    @BeforeAll
    static void start() {
        printed = PrintedPages.start(3);
        send(List.of(
                pages("p1", 1, "1000", LocalDate.of(2026, 3, 10)),
                pages("p2", 1, "100", LocalDate.of(2026, 4, 5)),
                pages("p3", 1, "10", LocalDate.of(2026, 5, 3)),
                pages("p4", 1, "10", LocalDate.of(2026, 6, 2)),
                pages("m2-o", 2, "100", LocalDate.of(2026, 3, 5)),
                pages("m3-o", 3, "100", LocalDate.of(2026, 3, 5))));
        printed.publish(
                """
                {"serviceCode":"PRINT-PAGES","effectiveFrom":"2026-01-01","model":{"type":"PER_UNIT","unitPrice":0.05}}
                """);
        // pages cost more from April on: March's late pages keep March's price
        printed.publish(
                """
                {"serviceCode":"PRINT-PAGES","effectiveFrom":"2026-04-01","model":{"type":"PER_UNIT","unitPrice":0.08}}
                """);
    }

    @AfterAll
    static void stop() {
        printed.close();
    }

    @Test
    @Order(1)
    void lateUsageAndAReversalBecomeACorrectionAtMarchsPriceNamingMarchAndItsInvoice() {
        var march = issue(run("2026-03"));
        march.forEach((member, outcome) -> {
            assertThat(outcome.path("outcome").asText()).isEqualTo("ISSUED");
            MARCH_INVOICE.put(member, outcome.path("number").asText());
        });

        // after March's invoice: 200 more pages of March, and 50 of the 1,000 taken back
        send(List.of(
                pages("late-1", 1, "200", LocalDate.of(2026, 3, 20)),
                pages("late-rev", 1, "50", LocalDate.of(2026, 3, 10), "p1")));
        // the same late records for members 2 and 3: once in order for 2; shuffled and partly sent twice for 3
        var forTwo = lateSet(2);
        var forThree = new ArrayList<>(lateSet(3));
        Collections.shuffle(forThree, new Random(7));
        forThree.addAll(forThree.subList(0, 2));
        send(forTwo);
        send(forThree);
        send(List.of(forThree.get(1), forThree.get(3)));
        assertThat(late("?member=1").findValuesAsText("state")).containsOnly("WAITING");

        firstAprilRun = run("2026-04");

        assertThat(lines(firstAprilRun, 1, "%"))
                .containsExactly(
                        "USAGE | 0.08 EUR per PAGE | 100 | 0.08 | 8.00 | 1.52 | 9.52",
                        "CORRECTION | Correction of 2026-03 (invoice " + MARCH_INVOICE.get(1L)
                                + "): 0.05 EUR per PAGE | 150 | 0.05 | 7.50 | 1.43 | 8.93");
        assertThat(late("?member=1").findValuesAsText("state")).containsOnly("DRAFTED");
        assertThat(lines(firstAprilRun, 2, "CORRECTION"))
                .as("member 2: +10 +20 +5 -30 pages = 5 pages")
                .containsExactly("CORRECTION | Correction of 2026-03 (invoice " + MARCH_INVOICE.get(2L)
                        + "): 0.05 EUR per PAGE | 5 | 0.05 | 0.25 | 0.05 | 0.30");
        assertThat(lines(firstAprilRun, 3, "CORRECTION").stream()
                        .map(line -> line.replace(MARCH_INVOICE.get(3L), MARCH_INVOICE.get(2L)))
                        .toList())
                .isEqualTo(lines(firstAprilRun, 2, "CORRECTION"));
    }

    private static List<UsageRecorded> lateSet(long member) {
        var prefix = "m" + member + "-";
        return List.of(
                pages(prefix + "a", member, "10", LocalDate.of(2026, 3, 6)),
                pages(prefix + "b", member, "20", LocalDate.of(2026, 3, 7)),
                pages(prefix + "c", member, "5", LocalDate.of(2026, 3, 6)),
                pages(prefix + "r", member, "30", LocalDate.of(2026, 3, 5), prefix + "o"));
    }

    @Test
    @Order(2)
    void theFirstInvoiceIssuedWithTheCorrectionSettlesItRerunsAndLaterRunsDoNotCorrectAgain() {
        var secondAprilRun = run("2026-04");
        var earlyMayRun = run("2026-05");
        assertThat(lines(secondAprilRun, 1, "CORRECTION")).hasSize(1);
        assertThat(lines(earlyMayRun, 1, "CORRECTION"))
                .as("drafted before April was issued")
                .hasSize(1);

        var april = issue(firstAprilRun);
        var aprilInvoice = april.get(1L).path("number").asText();
        assertThat(april.get(1L).path("outcome").asText()).isEqualTo("ISSUED");
        assertThat(late("?member=1")).isEmpty();
        var settled = late("?member=1&settled=true");
        assertThat(settled.findValuesAsText("recordId")).containsExactly("late-rev", "late-1");
        assertThat(settled.findValuesAsText("state")).containsOnly("SETTLED");
        assertThat(settled.findValuesAsText("settledBy")).containsOnly(aprilInvoice);

        assertThat(issue(secondAprilRun).get(1L).path("outcome").asText()).isEqualTo("SUPERSEDED");
        var may = issue(earlyMayRun).get(1L);
        assertThat(may.path("outcome").asText()).isEqualTo("FAILED");
        assertThat(may.path("rule").asText()).isEqualTo("late-usage-corrected-already");

        var mayAgain = run("2026-05");
        assertThat(lines(mayAgain, 1, "%"))
                .containsExactly("USAGE | 0.08 EUR per PAGE | 10 | 0.08 | 0.80 | 0.15 | 0.95");
        assertThat(issue(mayAgain).get(1L).path("outcome").asText()).isEqualTo("ISSUED");
        assertThat(late("")).isEmpty();
    }

    @Test
    @Order(3)
    void aUsageRebuildKeepsTheSettlementsAndOnlyNewLateUsageIsCorrectedNext() {
        var settled = late("?settled=true").toString();
        var rebuild = printed.billing.api(DemoLogins.ADMIN).post("/api/admin/usage/rebuild", Map.of());
        assertThat(rebuild.status()).as(rebuild.toString()).isEqualTo(202);
        printed.awaitConsumed();
        await().atMost(PATIENCE)
                .until(() ->
                        printed.billing.jdbc().queryForObject("select count(*) from usage_record", Long.class) == 16);

        assertThat(late("")).isEmpty();
        assertThat(late("?settled=true").toString()).isEqualTo(settled);
        var june = run("2026-06");
        assertThat(lines(june, 1, "CORRECTION")).isEmpty();
        assertThat(lines(june, 2, "CORRECTION")).isEmpty();

        // one more page count of March, after all that: corrected alone, on top of what was billed and corrected
        send(List.of(pages("late-2", 1, "40", LocalDate.of(2026, 3, 25))));
        var juneAgain = run("2026-06");
        assertThat(lines(juneAgain, 1, "CORRECTION"))
                .containsExactly("CORRECTION | Correction of 2026-03 (invoice " + MARCH_INVOICE.get(1L)
                        + "): 0.05 EUR per PAGE | 40 | 0.05 | 2.00 | 0.38 | 2.38");
    }
}
