package org.allmende.benchmarks;

import java.net.http.HttpRequest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.allmende.devinfra.DemoLogins;

/**
 * The board subscribes members to the cooperative's seeded services: {@code count} commands over
 * {@code count / 7} admitted members, each taking each of the seven services once. Consecutive commands go to
 * different members, as independent departments would send them.
 */
final class ServiceSubscriptions implements Scenario {

    private static final List<String> SERVICES = List.of(
            "DC-HOSTING", "ADMIN-NET", "RIS-TABLET", "PRINT-PAGES", "PRINT-CARTRIDGE", "IT-SECURITY", "SUPPORT-HOURS");

    private final String baseUrl;
    private final String label;
    private List<Long> members = List.of();

    ServiceSubscriptions(String baseUrl, String label) {
        this.baseUrl = baseUrl;
        this.label = label;
    }

    @Override
    public String name() {
        return "service subscriptions";
    }

    @Override
    public String method() {
        return "POST";
    }

    @Override
    public String uriTemplate() {
        return "/api/members/{memberNumber}/subscriptions";
    }

    @Override
    public String baseUrl() {
        return baseUrl;
    }

    @Override
    public void prepare(int count) {
        members = Applications.admit(baseUrl, "Stadt " + label, (count + SERVICES.size() - 1) / SERVICES.size());
        Applications.awaitMembers(baseUrl, members);
    }

    @Override
    public HttpRequest request(int i) {
        var member = members.get(i % members.size());
        var service = SERVICES.get(i / members.size());
        return Requests.post(
                baseUrl,
                "/api/members/" + member + "/subscriptions",
                DemoLogins.BOARD,
                Map.of(
                        "serviceCode",
                        service,
                        "quantity",
                        1 + i % 50,
                        "effectiveFrom",
                        LocalDate.now(ZoneId.of("Europe/Berlin")).toString()));
    }
}
