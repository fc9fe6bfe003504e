package org.allmende.billing.run;

import static org.allmende.billing.ContractProducer.admitted;
import static org.allmende.billing.ContractProducer.defined;
import static org.allmende.billing.ContractProducer.subscribed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.allmende.billing.ContractProducer;
import org.allmende.billing.RunningBillingService;
import org.allmende.devinfra.DemoLogins;
import org.allmende.devinfra.SharedInfrastructure;
import org.allmende.events.membership.MembershipEvent;
import org.allmende.events.membership.ServiceKind;
import org.allmende.events.membership.ServiceUnit;
import org.allmende.events.usage.UsageRecorded;

/**
 * What the late-usage tests share: billing on its own database, members admitted and subscribed to printed pages from
 * February 2026, usage sent over a topic of two partitions (keyed by member, as meters do), and finance's invoice runs.
 */
final class PrintedPages implements AutoCloseable {

    static final Duration PATIENCE = Duration.ofSeconds(90);

    final RunningBillingService billing;
    private final ContractProducer membership;
    private final ContractProducer usage;
    private long sent;

    private PrintedPages(ContractProducer membership, ContractProducer usage, RunningBillingService billing) {
        this.membership = membership;
        this.usage = usage;
        this.billing = billing;
    }

    /** Members 1 to {@code members}, each subscribed to PRINT-PAGES from 2026-02-01. */
    static PrintedPages start(int members) {
        var membership = new ContractProducer(SharedInfrastructure.unique("membership_topic"), 1);
        var usage = new ContractProducer(SharedInfrastructure.unique("usage_topic"), 2);
        var billing =
                RunningBillingService.start(SharedInfrastructure.unique("billing"), membership.topic(), usage.topic());
        var pages = new PrintedPages(membership, usage, billing);
        var facts = new ArrayList<MembershipEvent>();
        for (long member = 1; member <= members; member++) {
            facts.add(admitted(member));
        }
        facts.add(defined("PRINT-PAGES", ServiceUnit.PAGE, ServiceKind.SERVICE, LocalDate.of(2026, 1, 1)));
        for (long member = 1; member <= members; member++) {
            facts.add(subscribed(member, "PRINT-PAGES", 1, LocalDate.of(2026, 2, 1)));
        }
        facts.forEach(membership::send);
        pages.sent = facts.size();
        await().atMost(PATIENCE).until(() -> billing.consumed() == pages.sent);
        return pages;
    }

    static UsageRecorded pages(String id, long member, String quantity, LocalDate day, String reverses) {
        return new UsageRecorded(
                "print-fleet", id, member, "PRINT-PAGES", new BigDecimal(quantity), "PAGE", day, day, reverses);
    }

    static UsageRecorded pages(String id, long member, String quantity, LocalDate day) {
        return pages(id, member, quantity, day, null);
    }

    /** Sends usage and waits until billing has taken in everything sent so far. */
    void send(List<UsageRecorded> records) {
        usage.sendUsage(records);
        sent += records.size();
        await().atMost(PATIENCE).until(() -> billing.consumed() == sent);
    }

    /** Waits until billing has taken in everything sent (again, after a rebuild). */
    void awaitConsumed() {
        await().atMost(PATIENCE).until(() -> billing.consumed() == sent);
    }

    void publish(String tariff) {
        var response = billing.api(DemoLogins.FINANCE).post("/api/tariffs", tariff);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
    }

    /** Drafts a run of the period; nobody is skipped. Returns its id. */
    String run(String period) {
        var response = billing.api(DemoLogins.FINANCE).post("/api/invoice-runs", Map.of("period", period));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.json().path("skipped")).as(response.toString()).isEmpty();
        return response.json().path("runId").asText();
    }

    /** A member's draft lines in a run of a kind (SQL like): kind, description, quantity, unit price, net, VAT, gross. */
    List<String> lines(String runId, long member, String kind) {
        return billing.jdbc()
                .queryForList(
                        """
                        select l.kind || ' | ' || l.description || ' | ' || trim_scale(l.quantity) || ' | '
                            || trim_scale(l.unit_price) || ' | ' || l.net || ' | ' || l.vat || ' | ' || l.gross
                        from draft_line l join draft_document d on d.draft_id = l.draft_id
                        where d.run_id = ?::uuid and d.member_number = ? and l.kind like ?
                        order by l.line_no
                        """,
                        String.class,
                        runId,
                        member,
                        kind);
    }

    /** {@code GET /api/late-usage} with a query. */
    JsonNode late(String query) {
        var response = billing.api(DemoLogins.FINANCE).get("/api/late-usage" + query);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    @Override
    public void close() {
        billing.close();
        membership.close();
        usage.close();
    }
}
