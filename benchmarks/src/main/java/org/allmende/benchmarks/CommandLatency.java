package org.allmende.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import org.allmende.devinfra.LocalKafka;
import org.allmende.devinfra.LocalPostgres;
import org.allmende.localrun.Platform;

/**
 * Command latency through REST, measured on the whole platform as it runs in production: a real PostgreSQL, a real
 * Kafka broker, both services as their own JVMs. Sends each scenario's requests at a fixed rate after a warm-up,
 * and prints the client's and the service's own percentiles, beside the cheapest queries of the same service.
 *
 * <p>A measurement, not a test: it exits 0 whether or not the goal is met, and 1 if any request failed.
 */
public final class CommandLatency {

    static final double GOAL_RATE = 200;
    static final double GOAL_P99_SECONDS = 0.010;

    /** What is measured, in order: commands first, then the baselines (a scenario per kind of request). */
    static final List<Function<Platform, Scenario>> SCENARIOS = List.of(
            platform -> new AdmissionVotes(platform.membership().baseUrl(), "Messbach"),
            platform -> new ServiceSubscriptions(platform.membership().baseUrl(), "Abo"),
            platform -> Query.statutes(platform.membership().baseUrl()),
            platform -> Query.application(platform.membership().baseUrl()));

    /** Histogram buckets for the request timer, a bound at the goal, and finer buckets below 1 ms. */
    static final Map<String, String> SERVICE_METRICS = Map.of(
            "management.metrics.distribution.percentiles-histogram.http.server.requests", "true",
            "management.metrics.distribution.slo.http.server.requests", "10ms",
            "management.metrics.distribution.minimum-expected-value.http.server.requests", "100us");

    record Options(double rate, int commands, int warmup, int clients, List<String> serviceJavaOptions) {

        static Options parse(String... args) {
            var options = new Options(GOAL_RATE, 4000, 1000, 16, List.of("-Xmx512m", "-XX:+UseZGC"));
            for (var arg : args) {
                var equals = arg.indexOf('=');
                var value = equals < 0 ? "" : arg.substring(equals + 1);
                options = switch (equals < 0 ? arg : arg.substring(0, equals)) {
                    case "--rate" -> options.with(Double.parseDouble(value), -1, -1, -1, null);
                    case "--commands" -> options.with(-1, Integer.parseInt(value), -1, -1, null);
                    case "--warmup" -> options.with(-1, -1, Integer.parseInt(value), -1, null);
                    case "--clients" -> options.with(-1, -1, -1, Integer.parseInt(value), null);
                    case "--service-java-opts" ->
                        options.with(-1, -1, -1, -1, List.of(value.trim().split("\\s+")));
                    default -> throw new IllegalArgumentException(arg);
                };
            }
            if (options.rate <= 0 || options.rate > 2000 || options.commands < 1 || options.commands > 100_000) {
                throw new IllegalArgumentException("rate 1-2000/s, commands 1-100000");
            }
            return options;
        }

        private Options with(double rate, int commands, int warmup, int clients, List<String> javaOptions) {
            return new Options(
                    rate > 0 ? rate : this.rate,
                    commands >= 0 ? commands : this.commands,
                    warmup >= 0 ? warmup : this.warmup,
                    clients > 0 ? clients : this.clients,
                    javaOptions != null ? javaOptions : this.serviceJavaOptions);
        }
    }

    private CommandLatency() {}

    public static void main(String[] args) {
        Benchmarks.exit(
                args,
                Options::parse,
                "options: --rate=200 --commands=4000 --warmup=1000 --clients=16"
                        + " --service-java-opts='-Xmx512m -XX:+UseZGC'",
                CommandLatency::run);
    }

    private static int run(Options options) throws Exception {
        printSetup(options);
        var clients = Executors.newFixedThreadPool(options.clients(), runnable -> {
            var thread = new Thread(runnable, "benchmark-client");
            thread.setDaemon(true);
            return thread;
        });
        try (var postgres = LocalPostgres.startTemporary();
                var kafka = LocalKafka.startTemporary();
                var platform = Benchmarks.startPlatform(postgres, kafka, options.serviceJavaOptions())) {
            System.out.println();
            return measure(options, platform, clients);
        } finally {
            clients.shutdownNow();
        }
    }

    private static int measure(Options options, Platform platform, ExecutorService clients) {
        var measured = new ArrayList<Scenario>();
        System.out.println("preparing (not measured):");
        for (var kind : SCENARIOS) {
            var scenario = kind.apply(platform);
            scenario.prepare(options.commands());
            measured.add(scenario);
        }
        var failed = false;
        System.out.printf("warming up: %d requests per scenario at %.0f/s%n", options.warmup(), options.rate());
        for (var kind : SCENARIOS) {
            var warmup = kind.apply(platform);
            warmup.prepare(options.warmup());
            failed |= reportFailures(
                    warmup.name() + " (warm-up)", OpenLoop.run(warmup, options.warmup(), options.rate(), clients));
        }

        var rows = new ArrayList<Row>();
        for (var scenario : measured) {
            System.out.printf(
                    "measuring %s: %d requests at %.0f/s ...%n", scenario.name(), options.commands(), options.rate());
            var before = ServerTimer.read(scenario.baseUrl(), scenario.method(), scenario.uriTemplate());
            var result = OpenLoop.run(scenario, options.commands(), options.rate(), clients);
            var server = awaitServerCount(scenario, before, options.commands() - result.failures());
            failed |= reportFailures(scenario.name(), result);
            rows.add(new Row(scenario, result, Latencies.of(result.latencies()), server));
        }
        printReport(options, rows);
        if (failed) {
            System.out.println("\nFAILED: some requests did not succeed (see above); the figures are not valid.");
        }
        return failed ? 1 : 0;
    }

    record Row(Scenario scenario, OpenLoop.Result result, Latencies client, ServerTimer.Histogram server) {}

    /** The timer is stopped as the answer leaves; waits briefly until it has counted every answer. */
    private static ServerTimer.Histogram awaitServerCount(
            Scenario scenario, ServerTimer.Histogram before, int answers) {
        var deadline = System.nanoTime() + 5_000_000_000L;
        while (true) {
            var run = ServerTimer.read(scenario.baseUrl(), scenario.method(), scenario.uriTemplate())
                    .minus(before);
            if (run.count() >= answers || System.nanoTime() > deadline) {
                return run;
            }
            LockSupport.parkNanos(50_000_000L);
        }
    }

    private static boolean reportFailures(String name, OpenLoop.Result result) {
        if (result.failures() == 0) {
            return false;
        }
        System.out.printf(
                "  %s: %d of %d failed%s%n",
                name,
                result.failures(),
                result.latencies().length,
                result.finished() ? "" : " (not all answered within the time bound)");
        result.firstFailures().forEach(failure -> System.out.println("    " + failure));
        return true;
    }

    private static void printSetup(Options options) {
        var runtime = Runtime.getRuntime();
        System.out.println("Allmende command latency benchmark");
        System.out.printf(
                "  machine: %d cores, load average %.2f, Java %s; service JVMs: %s%n",
                runtime.availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.version(),
                String.join(" ", options.serviceJavaOptions()));
        System.out.printf(
                "  offered rate %.0f/s, %d requests per scenario after %d warm-up requests, %d client threads"
                        + " (java.net.http, HTTP/1.1 keep-alive)%n",
                options.rate(), options.commands(), options.warmup(), options.clients());
        System.out.println(
                "  PostgreSQL 15 embedded and temporary (fsync=off, synchronous_commit=off: no disk flush per"
                        + " commit), Kafka in this JVM");
        System.out.println("  logins: HTTP Basic against bcrypt strength 4 (the demo logins). A production strength of"
                + " 10 or more costs tens of ms per check and would dominate every authenticated request.");
        System.out.println();
    }

    private static void printReport(Options options, List<Row> rows) {
        System.out.println();
        System.out.printf(
                "%-36s %6s %8s | %-31s | %-23s%n",
                "", "", "", "client ms (from due time)", "server ms (service's timer)");
        System.out.printf(
                "%-36s %6s %8s | %7s %7s %7s %7s | %7s %7s %7s%n",
                "scenario", "ok", "done/s", "p50", "p90", "p99", "max", "p50", "p99", "<=10ms");
        for (var row : rows) {
            var ok = row.result().latencies().length - row.result().failures();
            System.out.printf(
                    "%-36s %6d %8.1f | %7.2f %7.2f %7.2f %7.1f | %7.2f %7.2f %6.2f%%%n",
                    row.scenario().name(),
                    ok,
                    row.result().throughput(),
                    row.client().p50(),
                    row.client().p90(),
                    row.client().p99(),
                    row.client().max(),
                    row.server().quantileMillis(0.50),
                    row.server().quantileMillis(0.99),
                    100 * row.server().shareAtMost(GOAL_P99_SECONDS));
            System.out.printf(
                    "  %s %s (the service counted %.0f)%n",
                    row.scenario().method(),
                    row.scenario().uriTemplate(),
                    row.server().count());
            var summary = row.scenario().summary(row.result().latencies());
            if (!summary.isEmpty()) {
                System.out.println("  " + summary);
            }
        }
        System.out.println();
        System.out.println(
                "server p50/p99 are interpolated inside the histogram's buckets (about 15 % wide near 10 ms);"
                        + " <=10ms is exact (a bucket bound).");
        System.out.printf(
                "machine load average now %.2f (other work on this machine shifts the figures).%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        for (var row : rows) {
            if (!row.scenario().isCommand()) {
                continue;
            }
            var share = row.server().shareAtMost(GOAL_P99_SECONDS);
            var keptUp = options.rate() >= GOAL_RATE && row.result().throughput() >= 0.99 * options.rate();
            var met = keptUp && share >= 0.99 && row.result().failures() == 0;
            System.out.printf(
                    "GOAL p99 <= 10 ms server-side at >= %.0f commands/s, %s: %s (server p99 %.2f ms, %.2f %% within"
                            + " 10 ms, %.1f commands/s%s)%n",
                    GOAL_RATE,
                    row.scenario().name(),
                    met ? "MET" : "NOT MET",
                    row.server().quantileMillis(0.99),
                    100 * share,
                    row.result().throughput(),
                    options.rate() < GOAL_RATE ? "; offered rate below the goal's" : "");
        }
    }
}
