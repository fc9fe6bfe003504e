package org.allmende.membership;

import java.util.Map;
import org.allmende.devinfra.ApiClient;
import org.allmende.devinfra.DemoLogins;
import org.allmende.devinfra.RunningService;
import org.allmende.devinfra.SharedInfrastructure;

/** A real membership-service on a random port, with its own database and topic on the shared servers. */
public final class RunningMembershipService implements AutoCloseable {

    private final RunningService service;
    private final String topic;

    private RunningMembershipService(RunningService service, String topic) {
        this.service = service;
        this.topic = topic;
    }

    public static RunningMembershipService start() {
        return start(SharedInfrastructure.unique("membership"), SharedInfrastructure.unique("membership_topic"));
    }

    public static RunningMembershipService start(String database, String topic) {
        return start(database, topic, Map.of());
    }

    /**
     * With extra properties, e.g. {@code allmende.clock.fixed} to start it on another day, or {@code
     * allmende.kafka.bootstrap-servers} for another broker than the shared one.
     */
    public static RunningMembershipService start(String database, String topic, Map<String, String> extra) {
        var properties = new java.util.HashMap<>(extra);
        // another broker may be given, e.g. one of the test's own that it stops and starts again
        properties.computeIfAbsent("allmende.kafka.bootstrap-servers", key -> SharedInfrastructure.kafka()
                .bootstrapServers());
        properties.put("allmende.kafka.topic", topic);
        var service = RunningService.start(MembershipService::start, database, properties);
        return new RunningMembershipService(service, topic);
    }

    public ApiClient api() {
        return service.api();
    }

    public ApiClient api(DemoLogins.Login login) {
        return service.api(login);
    }

    public String baseUrl() {
        return service.baseUrl();
    }

    public String topic() {
        return topic;
    }

    public <T> T bean(Class<T> type) {
        return service.bean(type);
    }

    @Override
    public void close() {
        service.close();
    }
}
