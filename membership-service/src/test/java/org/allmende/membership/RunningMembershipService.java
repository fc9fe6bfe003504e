package org.allmende.membership;

import java.util.HashMap;
import java.util.Map;
import org.allmende.devinfra.ApiClient;
import org.allmende.devinfra.DemoLogins;
import org.allmende.devinfra.SharedInfrastructure;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** A real membership-service on a random port, with its own database and topic on the shared servers. */
public final class RunningMembershipService implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final String database;
    private final String topic;

    private RunningMembershipService(ConfigurableApplicationContext context, String database, String topic) {
        this.context = context;
        this.database = database;
        this.topic = topic;
    }

    public static RunningMembershipService start() {
        return start(SharedInfrastructure.unique("membership"), SharedInfrastructure.unique("membership_topic"));
    }

    public static RunningMembershipService start(String database, String topic) {
        var postgres = SharedInfrastructure.postgres();
        var kafka = SharedInfrastructure.kafka();
        var properties = new HashMap<String, Object>(DemoLogins.asProperties());
        properties.putAll(Map.of(
                "server.port",
                "0",
                "spring.datasource.url",
                postgres.ensureDatabase(database),
                "spring.datasource.username",
                postgres.user(),
                "spring.datasource.password",
                postgres.password(),
                "allmende.kafka.bootstrap-servers",
                kafka.bootstrapServers(),
                "allmende.kafka.topic",
                topic,
                "logging.structured.format.console",
                "",
                "logging.level.org.apache.kafka",
                "WARN",
                "logging.level.kafka",
                "WARN",
                "logging.level.state.change.logger",
                "WARN"));
        var args = properties.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        var context = MembershipService.start(args);
        return new RunningMembershipService(context, database, topic);
    }

    public String baseUrl() {
        return "http://localhost:"
                + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public ApiClient api() {
        return ApiClient.anonymous(baseUrl());
    }

    public ApiClient api(DemoLogins.Login login) {
        return api().as(login);
    }

    public String database() {
        return database;
    }

    public String topic() {
        return topic;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
