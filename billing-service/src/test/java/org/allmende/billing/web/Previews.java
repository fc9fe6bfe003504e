package org.allmende.billing.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.allmende.billing.RunningBillingService;
import org.allmende.devinfra.DemoLogins;

/** What the preview tests share: publishing tariffs, reading amounts, the logins by name for parameter tables. */
final class Previews {

    /** 1,200 EUR a year for every member, whatever its inhabitants or staff. */
    static final String MEMBERSHIP_FEE_2026 =
            """
            {"serviceCode":"MEMBERSHIP-FEE","effectiveFrom":"2026-01-01",
             "model":{"type":"MEMBERSHIP_FEE","per":"YEAR","referenceDay":{"day":"--12-31","yearsBefore":1},
                      "byInhabitants":[{"from":0,"fee":1200}],"byStaff":[{"from":0,"fee":600}]}}
            """;

    static final Map<String, DemoLogins.Login> LOGINS = Map.of(
            "MEMBER_1", DemoLogins.MEMBER_1,
            "ADMIN", DemoLogins.ADMIN,
            "METER", DemoLogins.METER,
            "FINANCE", DemoLogins.FINANCE,
            "BOARD", DemoLogins.BOARD);

    private Previews() {}

    static void publish(RunningBillingService billing, String json) {
        var response = billing.api(DemoLogins.FINANCE).post("/api/tariffs", json);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
    }

    /** An amount with two decimals, as finance reads it (the JSON number 50.00 reads back as 50.0). */
    static String money(JsonNode amount) {
        return amount.decimalValue().setScale(2).toPlainString();
    }
}
