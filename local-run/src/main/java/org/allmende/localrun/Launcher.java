package org.allmende.localrun;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.allmende.devinfra.DemoLogins;
import org.allmende.devinfra.LocalKafka;
import org.allmende.devinfra.LocalPostgres;
import org.allmende.localrun.demo.DemoCooperative;

/**
 * Starts the whole platform on this machine: a real PostgreSQL (embedded, data kept in {@code .allmende-data/}),
 * a real Kafka broker, and both services as their own JVMs. Ctrl-C stops everything in order.
 *
 * <p>Environment: {@code ALLMENDE_DATA_DIR} (default {@code .allmende-data}); {@code MEMBERSHIP_DATASOURCE_URL}
 * and {@code BILLING_DATASOURCE_URL} with {@code ALLMENDE_DB_USER}/{@code ALLMENDE_DB_PASSWORD} for an external
 * PostgreSQL; {@code KAFKA_BOOTSTRAP_SERVERS} for an external Kafka cluster; {@code MEMBERSHIP_PORT} (8081),
 * {@code BILLING_PORT} (8082), {@code ALLMENDE_POSTGRES_PORT} (54321), {@code ALLMENDE_KAFKA_PORT} (19092).
 *
 * <p>Once both services are up it seeds the demo cooperative ({@link DemoCooperative}; once, later starts find it),
 * unless started with {@code --no-demo} or {@code ALLMENDE_DEMO=false}.
 */
public final class Launcher {

    private Launcher() {}

    public static void main(String[] args) throws Exception {
        var began = System.nanoTime();
        var env = System.getenv();
        var data =
                Path.of(env.getOrDefault("ALLMENDE_DATA_DIR", ".allmende-data")).toAbsolutePath();
        Files.createDirectories(data);
        var closeables = new ArrayList<AutoCloseable>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> closeInReverse(closeables), "allmende-stop"));

        String membershipUrl = env.get("MEMBERSHIP_DATASOURCE_URL");
        String billingUrl = env.get("BILLING_DATASOURCE_URL");
        String user = env.getOrDefault("ALLMENDE_DB_USER", "allmende");
        String password = env.getOrDefault("ALLMENDE_DB_PASSWORD", "");
        if (membershipUrl == null || billingUrl == null) {
            var postgres = LocalPostgres.start(
                    data.resolve("postgres"), Integer.parseInt(env.getOrDefault("ALLMENDE_POSTGRES_PORT", "54321")));
            closeables.add(postgres);
            membershipUrl = postgres.ensureDatabase("membership");
            billingUrl = postgres.ensureDatabase("billing");
            user = postgres.user();
            password = postgres.password();
        }
        var kafkaServers = env.get("KAFKA_BOOTSTRAP_SERVERS");
        if (kafkaServers == null) {
            var kafka = LocalKafka.start(
                    data.resolve("kafka"), Integer.parseInt(env.getOrDefault("ALLMENDE_KAFKA_PORT", "19092")));
            closeables.add(kafka);
            kafkaServers = kafka.bootstrapServers();
        }

        var clock = Clock.system(ZoneId.of("Europe/Berlin"));
        var demo = demoWanted(args, env);
        var settings = new Platform.Settings(
                membershipUrl,
                billingUrl,
                user,
                password,
                kafkaServers,
                Integer.parseInt(env.getOrDefault("MEMBERSHIP_PORT", "8081")),
                Integer.parseInt(env.getOrDefault("BILLING_PORT", "8082")),
                servicesDirectory(),
                demo ? DemoCooperative.Plan.full().platformProperties(clock) : Map.of(),
                List.of(env.getOrDefault("ALLMENDE_SERVICE_JAVA_OPTS", "-Xmx512m -XX:+UseZGC")
                        .split("\\s+")),
                null);
        var platform = Platform.start(settings);
        closeables.add(platform);

        Map<Long, String> memberNames = Map.of();
        if (demo) {
            try {
                var outcome = new DemoCooperative(platform, clock, DemoCooperative.Plan.full(), System.out).seed();
                memberNames = outcome.memberNames();
            } catch (RuntimeException e) {
                // the platform is still usable; start again to finish the seed, it resumes where it stopped
                System.err.println("The demo cooperative could not be seeded completely: " + e.getMessage());
            }
        }

        printWelcome(
                platform,
                membershipUrl,
                billingUrl,
                kafkaServers,
                Duration.ofNanos(System.nanoTime() - began),
                memberNames);

        // Run until Ctrl-C, or until a service dies on its own (then stop the rest and fail).
        CompletableFuture.anyOf(
                        platform.membership().process().onExit(),
                        platform.billing().process().onExit())
                .join();
        System.err.println("A service stopped unexpectedly; stopping the platform.");
        System.exit(1);
    }

    /** The demo is on unless {@code --no-demo} is given or {@code ALLMENDE_DEMO} is {@code false}. */
    static boolean demoWanted(String[] args, Map<String, String> env) {
        return !Arrays.asList(args).contains("--no-demo")
                && !"false"
                        .equalsIgnoreCase(
                                env.getOrDefault("ALLMENDE_DEMO", "true").trim());
    }

    /** Where the services' executable jars are: {@code allmende.services.dir}, else local-run's build output. */
    public static Path servicesDirectory() {
        var configured = System.getProperty("allmende.services.dir", System.getenv("ALLMENDE_SERVICES_DIR"));
        if (configured != null) {
            return Path.of(configured);
        }
        for (var candidate : List.of(Path.of("local-run/target/services"), Path.of("target/services"))) {
            if (Files.isDirectory(candidate)) {
                return candidate.toAbsolutePath();
            }
        }
        return Path.of("local-run/target/services").toAbsolutePath();
    }

    private static void printWelcome(
            Platform platform,
            String membershipDb,
            String billingDb,
            String kafka,
            Duration startup,
            Map<Long, String> memberNames) {
        var out = new StringBuilder();
        out.append("\n============================================================\n");
        out.append(" Allmende is running (started in ")
                .append(startup.toMillis() / 100 / 10.0)
                .append(" s)\n\n");
        out.append(String.format(
                " membership-service  %s   (pid %d)%n",
                platform.membership().baseUrl(), platform.membership().pid()));
        out.append(String.format(
                " billing-service     %s   (pid %d)%n",
                platform.billing().baseUrl(), platform.billing().pid()));
        out.append(" PostgreSQL          ").append(membershipDb).append("\n");
        out.append("                     ").append(billingDb).append("\n");
        out.append(" Kafka               ").append(kafka).append("\n\n");
        out.append(" Pages: ")
                .append(platform.membership().baseUrl())
                .append("/apply (public application form), ")
                .append(platform.membership().baseUrl())
                .append("/board/applications (board), ")
                .append(platform.billing().baseUrl())
                .append("/ (members, finance)\n\n");
        out.append(" Demo logins (pages and HTTP Basic; demo passwords, never for production):\n");
        for (var login : DemoLogins.ALL) {
            out.append(String.format(
                    "   %-10s %-16s %-8s %s%n",
                    login.username(), login.password(), login.roles(), DemoCooperative.describe(login, memberNames)));
        }
        out.append("\n Try: curl -u vorstand:vorstand-demo ")
                .append(platform.membership().baseUrl())
                .append("/api/applications\n");
        out.append(" Ctrl-C stops everything.\n");
        out.append("============================================================\n");
        System.out.println(out);
    }

    private static void closeInReverse(List<AutoCloseable> closeables) {
        for (int i = closeables.size() - 1; i >= 0; i--) {
            try {
                closeables.get(i).close();
            } catch (Exception e) {
                System.err.println("while stopping: " + e);
            }
        }
        System.out.println("Allmende stopped.");
    }
}
