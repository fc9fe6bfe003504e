package org.allmende.billing;

import java.util.HashMap;
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
        return start(database, topic, usageTopic, Map.of());
    }

    /** With extra properties, e.g. {@code allmende.clock.fixed} to start it on another day. */
    public static RunningBillingService start(
            String database, String topic, String usageTopic, Map<String, String> extra) {
        var properties = new HashMap<>(Map.of(
                "allmende.intake.bootstrap-servers",
                SharedInfrastructure.kafka().bootstrapServers(),
                "allmende.intake.membership-topic",
                topic,
                "allmende.intake.usage-topic",
                usageTopic,
                "allmende.intake.group-id",
                "billing-" + database,
                "allmende.intake.max-poll-records",
                "100"));
        properties.putAll(extra);
        return new RunningBillingService(RunningService.start(BillingService::start, database, properties));
    }

    public ApiClient api(DemoLogins.Login login) {
        return service.api(login);
    }

    public String baseUrl() {
        return service.baseUrl();
    }

    public ApiClient api() {
        return service.api();
    }

    public <T> T bean(Class<T> type) {
        return service.bean(type);
    }

    /** How many records the intake has taken in, over all topics and partitions. */
    public long consumed() {
        return jdbc().queryForObject("select coalesce(sum(next_offset), 0) from consumer_offset", Long.class);
    }

    public JdbcTemplate jdbc() {
        return service.bean(JdbcTemplate.class);
    }

    @Override
    public void close() {
        service.close();
    }
}
