package org.allmende.devinfra;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real service instance on a random port, started with command-line properties (they win over the service's
 * own configuration file), against the shared PostgreSQL and Kafka of this JVM.
 */
public final class RunningService implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private RunningService(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static RunningService start(
            Function<String[], ConfigurableApplicationContext> main, String database, Map<String, String> extra) {
        var postgres = SharedInfrastructure.postgres();
        var properties = new HashMap<String, String>(DemoLogins.asProperties());
        properties.put("server.port", "0");
        properties.put("spring.datasource.url", postgres.ensureDatabase(database));
        properties.put("spring.datasource.username", postgres.user());
        properties.put("spring.datasource.password", postgres.password());
        properties.put("logging.structured.format.console", "");
        properties.put("logging.level.org.apache.kafka", "WARN");
        properties.put("logging.level.kafka", "WARN");
        properties.put("logging.level.state.change.logger", "WARN");
        properties.putAll(extra);
        var args = properties.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new RunningService(main.apply(args));
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

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
