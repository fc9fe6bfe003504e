package org.allmende.billing;

import java.util.Map;
import org.allmende.devinfra.ApiClient;
import org.allmende.devinfra.DemoLogins;
import org.allmende.devinfra.RunningService;
import org.allmende.devinfra.SharedInfrastructure;
import org.springframework.jdbc.core.JdbcTemplate;

/** A real billing-service on a random port, reading a given topic into a given database. */
public final class RunningBillingService implements AutoCloseable {

    private final RunningService service;

    private RunningBillingService(RunningService service) {
        this.service = service;
    }

    public static RunningBillingService start(String database, String topic) {
        return start(database, topic, "usage_of_" + database);
    }

    public static RunningBillingService start(String database, String topic, String usageTopic) {
        return new RunningBillingService(RunningService.start(
                BillingService::start,
                database,
                Map.of(
                        "allmende.intake.bootstrap-servers",
                        SharedInfrastructure.kafka().bootstrapServers(),
                        "allmende.intake.membership-topic",
                        topic,
                        "allmende.intake.usage-topic",
                        usageTopic,
                        "allmende.intake.group-id",
                        "billing-" + database,
                        "allmende.intake.max-poll-records",
                        "100")));
    }

    public ApiClient api(DemoLogins.Login login) {
        return service.api(login);
    }

    public ApiClient api() {
        return service.api();
    }

    public JdbcTemplate jdbc() {
        return service.bean(JdbcTemplate.class);
    }

    public <T> T bean(Class<T> type) {
        return service.bean(type);
    }

    @Override
    public void close() {
        service.close();
    }
}
