package org.allmende.billing.web;

import static org.allmende.billing.ContractProducer.admitted;
import static org.allmende.billing.ContractProducer.defined;
import static org.allmende.billing.ContractProducer.subscribed;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.allmende.billing.ContractProducer;
import org.allmende.billing.RunningBillingService;
import org.allmende.devinfra.SharedInfrastructure;
import org.allmende.events.membership.ServiceKind;
import org.allmende.events.membership.ServiceUnit;
import org.allmende.events.usage.UsageRecorded;

/**
 * The billing service of the page tests, with its contract topics: members 1 and 2 print (1,500 and 300 pages in
 * March 2026), member 3 hosts in the data center, which has no price; the membership fee and a price per page
 * are published.
 */
record PrintingCooperative(ContractProducer membership, ContractProducer usage, RunningBillingService billing)
        implements AutoCloseable {

    static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final LocalDate NEW_YEAR = LocalDate.of(2026, 1, 1);

    static UsageRecorded pages(String id, long member, String quantity, LocalDate day) {
        return new UsageRecorded(
                "print-fleet", id, member, "PRINT-PAGES", new BigDecimal(quantity), "PAGE", day, day, null);
    }

    static PrintingCooperative start() {
        var membership = new ContractProducer(SharedInfrastructure.unique("membership_topic"), 1);
        var usage = new ContractProducer(SharedInfrastructure.unique("usage_topic"), 2);
        var billing =
                RunningBillingService.start(SharedInfrastructure.unique("billing"), membership.topic(), usage.topic());
        var facts = List.of(
                admitted(1),
                admitted(2),
                admitted(3),
                defined("PRINT-PAGES", ServiceUnit.PAGE, ServiceKind.SERVICE, NEW_YEAR),
                defined("DC-HOSTING", ServiceUnit.GB_MONTH, ServiceKind.SERVICE, NEW_YEAR),
                subscribed(1, "PRINT-PAGES", 1, LocalDate.of(2026, 2, 1)),
                subscribed(2, "PRINT-PAGES", 1, LocalDate.of(2026, 2, 1)),
                subscribed(3, "DC-HOSTING", 1, LocalDate.of(2026, 2, 1)));
        facts.forEach(membership::send);
        usage.sendUsage(List.of(
                pages("p1", 1, "1000", LocalDate.of(2026, 3, 10)),
                pages("p2", 1, "500", LocalDate.of(2026, 3, 20)),
                pages("p3", 2, "300", LocalDate.of(2026, 3, 12))));
        await().atMost(PATIENCE).until(() -> billing.consumed() == facts.size() + 3);
        Previews.publish(billing, Previews.MEMBERSHIP_FEE_2026);
        Previews.publish(
                billing,
                """
                {"serviceCode":"PRINT-PAGES","effectiveFrom":"2026-01-01",
                 "model":{"type":"PER_UNIT","unitPrice":0.05}}
                """);
        return new PrintingCooperative(membership, usage, billing);
    }

    @Override
    public void close() {
        billing.close();
        membership.close();
        usage.close();
    }
}
