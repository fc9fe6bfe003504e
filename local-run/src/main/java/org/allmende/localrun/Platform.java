package org.allmende.localrun;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.allmende.devinfra.DemoLogins;

/** Both services, started in order against one PostgreSQL server and one Kafka cluster. */
public final class Platform implements AutoCloseable {

    /** Everything the two services need to know about their surroundings. */
    public record Settings(
            String membershipDatabaseUrl,
            String billingDatabaseUrl,
            String databaseUser,
            String databasePassword,
            String kafkaBootstrapServers,
            int membershipPort,
            int billingPort,
            Path servicesDirectory,
            Map<String, String> extraProperties,
            List<String> jvmOptions,
            Path logDirectory) {}

    private final Settings settings;
    private final Map<String, String> membershipProperties;
    private volatile ServiceProcess membership;
    private volatile ServiceProcess billing;

    private Platform(
            Settings settings,
            Map<String, String> membershipProperties,
            ServiceProcess membership,
            ServiceProcess billing) {
        this.settings = settings;
        this.membershipProperties = Map.copyOf(membershipProperties);
        this.membership = membership;
        this.billing = billing;
    }

    public static Platform start(Settings settings) {
        var common = common(settings);
        var membershipProperties = new HashMap<>(common);
        membershipProperties.put("server.port", Integer.toString(settings.membershipPort()));
        membershipProperties.put("spring.datasource.url", settings.membershipDatabaseUrl());
        membershipProperties.put("allmende.kafka.bootstrap-servers", settings.kafkaBootstrapServers());
        // the pages link each other across the two ports (a member's register extract and its shares)
        membershipProperties.put("allmende.links.billing", "http://localhost:" + settings.billingPort());
        var membership = startMembership(settings, membershipProperties);

        try {
            return new Platform(settings, membershipProperties, membership, startBilling(settings));
        } catch (RuntimeException e) {
            membership.close();
            throw e;
        }
    }

    /**
     * Billing alone, for what feeds it straight through Kafka (the membership settings are not used): the invoice run
     * benchmark puts membership's contract events on the topic itself.
     */
    public static ServiceProcess startBilling(Settings settings) {
        return startBilling(settings, Map.of());
    }

    private static ServiceProcess startBilling(Settings settings, Map<String, String> overrides) {
        var billingProperties = common(settings);
        billingProperties.put("server.port", Integer.toString(settings.billingPort()));
        billingProperties.put("spring.datasource.url", settings.billingDatabaseUrl());
        billingProperties.put("allmende.intake.bootstrap-servers", settings.kafkaBootstrapServers());
        billingProperties.put("allmende.links.membership", "http://localhost:" + settings.membershipPort());
        // a demo creditor so direct debit files can be made locally: DE98ZZZ09999999999 is the test identifier
        // the Bundesbank publishes, never one a bank collects under
        billingProperties.put("allmende.seller.name", "Allmende Demo eG");
        billingProperties.put("allmende.seller.iban", "DE21520503530001234567");
        billingProperties.put("allmende.seller.creditor-id", "DE98ZZZ09999999999");
        billingProperties.putAll(overrides);
        return ServiceProcess.start(
                "billing-service",
                settings.servicesDirectory().resolve("billing-service.jar"),
                settings.billingPort(),
                billingProperties,
                settings.jvmOptions(),
                log(settings, "billing-service"));
    }

    private static Map<String, String> common(Settings settings) {
        var common = new HashMap<String, String>(DemoLogins.asProperties());
        common.put("spring.datasource.username", settings.databaseUser());
        common.put("spring.datasource.password", settings.databasePassword());
        common.put("logging.structured.format.console", "");
        common.putAll(settings.extraProperties());
        return common;
    }

    private static ServiceProcess startMembership(Settings settings, Map<String, String> properties) {
        return ServiceProcess.start(
                "membership-service",
                settings.servicesDirectory().resolve("membership-service.jar"),
                settings.membershipPort(),
                properties,
                settings.jvmOptions(),
                log(settings, "membership-service"));
    }

    /**
     * Stops membership and starts it again on the same port and database, with these properties over its own (e.g.
     * {@code allmende.clock.fixed}); none: as it was started first. Billing keeps running and reads on.
     */
    public void restartMembership(Map<String, String> overrides) {
        membership.close();
        var properties = new HashMap<>(membershipProperties);
        properties.putAll(overrides);
        membership = startMembership(settings, properties);
    }

    /**
     * Stops billing and starts it again on the same port and database, with these properties over its own (e.g.
     * {@code allmende.clock.fixed}); none: as it was started first. Returns once billing is stopped; the future
     * completes when it is healthy again, so membership's side can be worked meanwhile (billing reads on from its
     * Kafka positions).
     */
    public CompletableFuture<Void> restartBilling(Map<String, String> overrides) {
        billing.close();
        return CompletableFuture.runAsync(
                () -> billing = startBilling(settings, overrides),
                runnable -> new Thread(runnable, "billing-restart").start());
    }

    private static Path log(Settings settings, String service) {
        return settings.logDirectory() == null ? null : settings.logDirectory().resolve(service + ".log");
    }

    public ServiceProcess membership() {
        return membership;
    }

    public ServiceProcess billing() {
        return billing;
    }

    /** Billing first, so it stops reading before the producer of its input goes away. */
    @Override
    public void close() {
        billing.close();
        membership.close();
    }
}
