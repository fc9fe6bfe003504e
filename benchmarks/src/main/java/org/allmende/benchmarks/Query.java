package org.allmende.benchmarks;

import java.net.http.HttpRequest;
import java.util.List;
import org.allmende.devinfra.DemoLogins;

/** The floor beneath the commands: the cheapest requests the same service answers, at the same rate. */
final class Query implements Scenario {

    private final String name;
    private final String baseUrl;
    private final String uriTemplate;
    private final DemoLogins.Login login;
    private final int applications;
    private List<String> ids = List.of();

    private Query(String name, String baseUrl, String uriTemplate, DemoLogins.Login login, int applications) {
        this.name = name;
        this.baseUrl = baseUrl;
        this.uriTemplate = uriTemplate;
        this.login = login;
        this.applications = applications;
    }

    /** Public, no login and no database: Tomcat, the filters and Spring MVC alone. */
    static Query statutes(String baseUrl) {
        return new Query("baseline: statutes (public)", baseUrl, "/api/statutes", null, 0);
    }

    /** HTTP Basic (bcrypt) plus one row from the register by primary key. */
    static Query application(String baseUrl) {
        return new Query(
                "baseline: one application (BOARD)",
                baseUrl,
                "/api/applications/{applicationId}",
                DemoLogins.BOARD,
                20);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String method() {
        return "GET";
    }

    @Override
    public String uriTemplate() {
        return uriTemplate;
    }

    @Override
    public String baseUrl() {
        return baseUrl;
    }

    @Override
    public void prepare(int count) {
        if (applications > 0) {
            ids = Applications.submit(baseUrl, "Stadt Lesebeispiel", applications);
            Applications.awaitInRegister(baseUrl, ids);
        }
    }

    @Override
    public HttpRequest request(int i) {
        var path = ids.isEmpty() ? uriTemplate : "/api/applications/" + ids.get(i % ids.size());
        return Requests.get(baseUrl, path, login);
    }
}
