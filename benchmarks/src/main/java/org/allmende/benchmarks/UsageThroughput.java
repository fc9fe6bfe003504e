package org.allmende.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.allmende.devinfra.DemoLogins;
import org.allmende.devinfra.LocalKafka;
import org.allmende.devinfra.LocalPostgres;
import org.allmende.localrun.Launcher;
import org.allmende.localrun.Platform;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * Usage throughput (issue 5), in one run on the whole platform: a real PostgreSQL, a real Kafka broker, both
 * services as their own JVMs.
 *
 * <ol>
 *   <li>baseline: a plain kafka-clients consumer writing the same records into PostgreSQL, batched and idempotent
 *       ({@link RawUsageIntake}): this machine's practical limit;
 *   <li>Kafka-native intake: the records on {@code allmende.usage.v1}, until billing's totals are complete and exact;
 *   <li>HTTP intake: as many records in batches to membership's {@code POST /api/usage/batches}, until billing's
 *       totals are complete and exact;
 *   <li>a rebuild of billing's usage projections from offset 0 ({@code POST /api/admin/usage/rebuild}).
 * </ol>
 *
 * <p>Each phase is timed from its first record sent to the moment billing's tables hold exactly what was sent: the
 * benchmark knows every record (1 % sent twice, 0.5 % reversals) and compares the count and every daily total per
 * member, service and day. A measurement, not a test: exit 0 when every total is exact, whether or not the goals
 * are met; 1 when a total is off or a request failed.
 */
public final class UsageThroughput {

    static final double GOAL_SHARE_OF_BASELINE = 0.5;
    static final double GOAL_HTTP_RATE = 20_000;
    static final double GOAL_REBUILD_RATE = 50_000;

    static final String KAFKA_SYSTEM = "bench-meter";
    static final String HTTP_SYSTEM = "bench-http";
    static final String BASELINE_TOPIC = "bench.usage.baseline";
    static final String REBUILD_PATH = "/api/admin/usage/rebuild";
    static final String BASELINE = "baseline";
    static final String KAFKA = "kafka";
    static final String HTTP = "http";
    static final String REBUILD = "rebuild";
    static final String BASELINE_NAME = "(1) baseline: plain consumer -> PostgreSQL";
    static final String WARMUP = "warm-up";

    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration VERIFY_EVERY = Duration.ofSeconds(2);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    record Options(
            int records,
            int warmup,
            int members,
            int batchSize,
            int httpClients,
            Duration timeout,
            List<String> serviceJavaOptions,
            Set<String> phases) {

        static final String USAGE =
                "options: --records=1000000 --warmup=100000 --members=50 --batch=1000 --http-clients=6"
                        + " --timeout=1800 (s per phase) --phases=baseline,kafka,http,rebuild"
                        + " --service-java-opts='-Xmx512m -XX:+UseZGC'";

        static Options parse(String... args) {
            int records = 1_000_000;
            int warmup = 100_000;
            int members = 50;
            int batch = 1000;
            int clients = 6;
            long timeout = 1800;
            List<String> javaOptions = List.of("-Xmx512m", "-XX:+UseZGC");
            Set<String> phases = new LinkedHashSet<>(List.of(BASELINE, KAFKA, HTTP, REBUILD));
            for (var arg : args) {
                var equals = arg.indexOf('=');
                var value = equals < 0 ? "" : arg.substring(equals + 1);
                switch (equals < 0 ? arg : arg.substring(0, equals)) {
                    case "--records" -> records = Integer.parseInt(value);
                    case "--warmup" -> warmup = Integer.parseInt(value);
                    case "--members" -> members = Integer.parseInt(value);
                    case "--batch" -> batch = Integer.parseInt(value);
                    case "--http-clients" -> clients = Integer.parseInt(value);
                    case "--timeout" -> timeout = Long.parseLong(value);
                    case "--service-java-opts" ->
                        javaOptions = List.of(value.trim().split("\\s+"));
                    case "--phases" -> phases = new LinkedHashSet<>(Arrays.asList(value.split(",")));
                    default -> throw new IllegalArgumentException(arg);
                }
            }
            if (records < 1000
                    || warmup < 0
                    || members < 1
                    || members > 10_000
                    || batch < 1
                    || clients < 1
                    || timeout < 10) {
                throw new IllegalArgumentException("records >= 1000, members 1-10000, batch >= 1, clients >= 1");
            }
            if (!Set.of(BASELINE, KAFKA, HTTP, REBUILD).containsAll(phases)) {
                throw new IllegalArgumentException("phases: " + phases);
            }
            return new Options(
                    records, warmup, members, batch, clients, Duration.ofSeconds(timeout), javaOptions, phases);
        }

        /** A duplicate or reversal refers this far back, so an HTTP sender has had that batch answered. */
        int lag() {
            return batchSize * Math.max(4, 2 * httpClients);
        }
    }

    /** One phase's figures; {@code unavailable} names why it was not measured (then the rest is empty). */
    record Phase(String name, long records, double seconds, UsageTables.Verdict verdict, String unavailable) {

        static Phase unavailable(String name, String why) {
            return new Phase(name, 0, Double.NaN, null, why);
        }

        boolean measured() {
            return unavailable == null;
        }

        boolean exact() {
            return verdict != null && verdict.exact() && seconds >= 0;
        }

        double rate() {
            return measured() && seconds > 0 ? records / seconds : Double.NaN;
        }
    }

    /** How a wait for complete totals ended: exact at a moment, or not within the time given. */
    record Completion(boolean exact, long at, UsageTables.Verdict verdict, String failure) {}

    private UsageThroughput() {}

    public static void main(String[] args) {
        Benchmarks.exit(args, Options::parse, Options.USAGE, UsageThroughput::run);
    }

    private static int run(Options options) throws Exception {
        var billingJar = Launcher.servicesDirectory().resolve("billing-service.jar");
        var settings = BillingIntakeSettings.of(billingJar);
        printSetup(options, settings);
        try (var memory = new ProcessMemory();
                var postgres = LocalPostgres.startTemporary();
                var kafka = LocalKafka.startTemporary()) {
            var postmaster = postmaster(postgres);
            memory.watch("PostgreSQL", postmaster, true, "postmaster and backends; peak RSS: the largest one's");
            memory.watch(
                    "benchmark JVM",
                    ProcessHandle.current().pid(),
                    false,
                    "hosts the Kafka broker, the producers, the baseline consumer, the HTTP clients");
            try (var platform = Benchmarks.startPlatform(postgres, kafka, options.serviceJavaOptions())) {
                memory.watch("membership-service JVM", platform.membership().pid(), false, "");
                memory.watch("billing-service JVM", platform.billing().pid(), false, "");
                System.out.printf("PostgreSQL's postmaster: pid %d%n%n", postmaster);
                return measure(options, settings, postgres, kafka, platform, memory);
            }
        }
    }

    private static int measure(
            Options options,
            BillingIntakeSettings settings,
            LocalPostgres postgres,
            LocalKafka kafka,
            Platform platform,
            ProcessMemory memory)
            throws Exception {
        var membership = platform.membership().baseUrl();
        var billingUrl = postgres.jdbcUrl("billing");
        try (var admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()));
                var billing = UsageTables.billing(billingUrl, postgres.user(), postgres.password(), settings)) {
            System.out.println("preparing (not measured):");
            var members = Applications.admit(membership, "Gemeinde Zählerstand", options.members());
            Applications.awaitMembers(membership, members);
            var day = admittedOn(membership, members);
            subscribe(membership, members, day);
            awaitBillingKnows(billing, members);
            ensureUsageTopic(admin, settings);
            awaitAssigned(admin, settings);
            var lag = options.lag();
            var workloads = new Workloads(
                    UsageWorkload.generate(KAFKA_SYSTEM, "kw-", members, day, options.warmup(), lag, 1),
                    UsageWorkload.generate(KAFKA_SYSTEM, "k-", members, day, options.records(), lag, 2),
                    UsageWorkload.generate(HTTP_SYSTEM, "hw-", members, day, options.warmup(), lag, 3),
                    UsageWorkload.generate(HTTP_SYSTEM, "h-", members, day, options.records(), lag, 4));
            System.out.printf(
                    "  %d members admitted on %s, each subscribed to %s from that day; all usage is of that day%n%n",
                    members.size(),
                    day,
                    UsageWorkload.SERVICES.stream()
                            .map(UsageWorkload.MeteredService::code)
                            .collect(Collectors.joining(", ")));

            var phases = new ArrayList<Phase>();
            HttpFigures http = null;
            var expected = UsageWorkload.Expected.none();
            if (options.phases().contains(BASELINE)) {
                phases.addAll(baseline(options, settings, postgres, kafka, admin, workloads));
            }
            if (options.phases().contains(KAFKA) && allExact(phases)) {
                expected = expected.plus(workloads.kafkaWarmup().expected());
                var warmup =
                        kafkaNative(true, options, settings, kafka, admin, billing, workloads.kafkaWarmup(), expected);
                expected = expected.plus(workloads.kafka().expected());
                phases.add(
                        warmup.exact()
                                ? kafkaNative(
                                        false, options, settings, kafka, admin, billing, workloads.kafka(), expected)
                                : warmup);
            }
            if (options.phases().contains(HTTP) && allExact(phases)) {
                var available = documented(membership, UsageBatches.PATH);
                if (available.isPresent()) {
                    phases.add(Phase.unavailable("(3) HTTP intake -> billing", available.get()));
                } else {
                    expected = expected.plus(workloads.httpWarmup().expected());
                    var warmup = httpIntake(
                            true, options, settings, admin, billing, membership, workloads.httpWarmup(), expected);
                    expected = expected.plus(workloads.http().expected());
                    http = warmup.phase().exact()
                            ? httpIntake(
                                    false, options, settings, admin, billing, membership, workloads.http(), expected)
                            : warmup;
                    phases.add(http.phase());
                }
            }
            if (options.phases().contains(REBUILD) && allExact(phases)) {
                var available = documented(platform.billing().baseUrl(), REBUILD_PATH);
                if (available.isPresent()) {
                    phases.add(Phase.unavailable("(4) rebuild from offset 0", available.get()));
                } else {
                    phases.add(rebuild(
                            options,
                            settings,
                            admin,
                            billing,
                            platform.billing().baseUrl(),
                            expected));
                }
            }
            return report(options, phases, http, memory);
        }
    }

    // ----- phases -----

    /** What the phases send: per way in, a warm-up (not timed, but checked as well) and the measured workload. */
    record Workloads(UsageWorkload kafkaWarmup, UsageWorkload kafka, UsageWorkload httpWarmup, UsageWorkload http) {}

    /** The baseline's warm-up, and if that was exact, its measured run (both in a list: the report needs them). */
    private static List<Phase> baseline(
            Options options,
            BillingIntakeSettings settings,
            LocalPostgres postgres,
            LocalKafka kafka,
            Admin admin,
            Workloads workloads)
            throws Exception {
        admin.createTopics(List.of(new NewTopic(BASELINE_TOPIC, 6, (short) 1)))
                .all()
                .get(30, TimeUnit.SECONDS);
        var url = postgres.ensureDatabase("usage_baseline");
        try (var intake = RawUsageIntake.start(
                        kafka.bootstrapServers(), BASELINE_TOPIC, settings, url, postgres.user(), postgres.password());
                var tables = UsageTables.baseline(url, postgres.user(), postgres.password(), BASELINE_TOPIC)) {
            if (!intake.awaitAssigned(Duration.ofSeconds(60))) {
                throw new IllegalStateException("the baseline consumer got no partitions within 60 s");
            }
            var expected = workloads.kafkaWarmup().expected();
            var warmup = sendAndAwait(
                    warmup(BASELINE_NAME),
                    options,
                    kafka,
                    admin,
                    BASELINE_TOPIC,
                    tables,
                    workloads.kafkaWarmup(),
                    expected,
                    intake::failure);
            if (!warmup.exact()) {
                return List.of(warmup);
            }
            var measured = sendAndAwait(
                    BASELINE_NAME,
                    options,
                    kafka,
                    admin,
                    BASELINE_TOPIC,
                    tables,
                    workloads.kafka(),
                    expected.plus(workloads.kafka().expected()),
                    intake::failure);
            System.out.printf("  the baseline consumer, warm-up included: %s%n%n", intake.workDone());
            return List.of(measured);
        }
    }

    /** A warm-up runs as its phase does, untimed in the report, but its totals must be exact too. */
    private static String warmup(String name) {
        return name + ", " + WARMUP;
    }

    private static boolean allExact(List<Phase> phases) {
        return phases.stream().filter(Phase::measured).allMatch(Phase::exact);
    }

    private static Phase kafkaNative(
            boolean warmup,
            Options options,
            BillingIntakeSettings settings,
            LocalKafka kafka,
            Admin admin,
            UsageTables billing,
            UsageWorkload workload,
            UsageWorkload.Expected expected) {
        var name = "(2) Kafka-native intake -> billing";
        return sendAndAwait(
                warmup ? warmup(name) : name,
                options,
                kafka,
                admin,
                settings.usageTopic(),
                billing,
                workload,
                expected,
                () -> null);
    }

    /** Sends the workload to a topic as a meter would, timed from the first record to exact totals in the tables. */
    private static Phase sendAndAwait(
            String name,
            Options options,
            LocalKafka kafka,
            Admin admin,
            String topic,
            UsageTables tables,
            UsageWorkload workload,
            UsageWorkload.Expected expected,
            Supplier<Exception> consumerFailure) {
        try (var producer = new EventProducer(kafka.bootstrapServers(), topic)) {
            System.out.printf(
                    "%s: sending %,d records (%,d of them a second time, %,d reversals) to %s ...%n",
                    name, workload.size(), workload.duplicates(), workload.reversals(), topic);
            var start = System.nanoTime();
            var sent = CompletableFuture.supplyAsync(() -> {
                for (int i = 0; i < workload.size(); i++) {
                    producer.send(workload.record(i));
                }
                producer.flush();
                return System.nanoTime();
            });
            var done = awaitExact(
                    name,
                    tables,
                    () -> endOffsets(admin, topic),
                    sent::isDone,
                    () -> failureOf(sent, consumerFailure.get()),
                    expected,
                    start,
                    options.timeout(),
                    false);
            if (!sent.isCompletedExceptionally() && sent.isDone()) {
                System.out.printf(
                        "  all %,d acknowledged by the broker after %.1f s%n",
                        workload.size(), (sent.join() - start) / 1e9);
            }
            return finished(name, workload.size(), start, done);
        }
    }

    /** The HTTP phase with the batches' latencies beside it. */
    record HttpFigures(Phase phase, UsageBatches.Result batches, Latencies client, ServerTimer.Histogram server) {}

    private static HttpFigures httpIntake(
            boolean warmup,
            Options options,
            BillingIntakeSettings settings,
            Admin admin,
            UsageTables billing,
            String membership,
            UsageWorkload workload,
            UsageWorkload.Expected expected) {
        var name = String.format("(3) HTTP intake (batches of %,d) -> billing", options.batchSize());
        name = warmup ? warmup(name) : name;
        System.out.printf(
                "%s: posting %,d records (%,d of them a second time, %,d reversals) with %d clients to %s%s ...%n",
                name,
                workload.size(),
                workload.duplicates(),
                workload.reversals(),
                options.httpClients(),
                membership,
                UsageBatches.PATH);
        var before = ServerTimer.read(membership, "POST", UsageBatches.PATH);
        var start = System.nanoTime();
        var sent = CompletableFuture.supplyAsync(
                () -> UsageBatches.send(membership, workload, options.batchSize(), options.httpClients()));
        var done = awaitExact(
                name,
                billing,
                () -> endOffsets(admin, settings.usageTopic()),
                sent::isDone,
                () -> {
                    var result = sent.getNow(null);
                    if (sent.isCompletedExceptionally()) {
                        return "the HTTP clients failed: "
                                + sent.handle((r, e) -> e).join();
                    }
                    return result != null && result.failures() > 0
                            ? result.failures() + " batches failed: " + result.firstFailures()
                            : null;
                },
                expected,
                start,
                options.timeout(),
                false);
        var batches = sent.join();
        var server = ServerTimer.read(membership, "POST", UsageBatches.PATH).minus(before);
        return new HttpFigures(
                finished(name, workload.size(), start, done), batches, Latencies.of(batches.latencies()), server);
    }

    private static Phase rebuild(
            Options options,
            BillingIntakeSettings settings,
            Admin admin,
            UsageTables billing,
            String billingUrl,
            UsageWorkload.Expected expected)
            throws IOException, InterruptedException {
        var replayed = endOffsets(admin, settings.usageTopic());
        var name = "(4) rebuild of billing's usage from offset 0";
        System.out.printf("%s: %,d records on %s ...%n", name, replayed, settings.usageTopic());
        var start = System.nanoTime();
        var response = Requests.HTTP.send(
                Requests.post(billingUrl, REBUILD_PATH, DemoLogins.ADMIN, Map.of()),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) {
            var verdict = billing.verify(expected);
            System.out.printf("  FAILED: rebuild answered %d %s%n", response.statusCode(), response.body());
            return new Phase(name, replayed, -1, verdict, null);
        }
        var done = awaitExact(
                name,
                billing,
                () -> endOffsets(admin, settings.usageTopic()),
                () -> true,
                () -> null,
                expected,
                start,
                options.timeout(),
                true);
        return finished(name, replayed, start, done);
    }

    private static Phase finished(String name, long records, long start, Completion done) {
        var seconds = done.exact() ? (done.at() - start) / 1e9 : -1;
        if (done.exact()) {
            System.out.printf(
                    "  complete and exact after %.1f s: %s (load average %s)%n%n",
                    seconds, done.verdict().describe(), loadAverage());
        } else {
            System.out.printf(
                    "  FAILED: %s%n  %s%n%n",
                    done.failure(), done.verdict() == null ? "" : done.verdict().describe());
        }
        return new Phase(name, records, seconds, done.verdict(), null);
    }

    // ----- waiting for complete and exact totals -----

    /**
     * Polls the consumer's stored offsets against the topic's end (cheap); once the input is all sent and the
     * consumer has caught up, compares the tables with what was sent (every {@link #VERIFY_EVERY} at most, as a
     * service forwarding asynchronously may still add to the topic). {@code mustRestart}: the consumer starts over
     * from 0, so its offsets must first be seen below the end.
     */
    private static Completion awaitExact(
            String name,
            UsageTables tables,
            LongSupplier end,
            Supplier<Boolean> inputComplete,
            Supplier<String> failure,
            UsageWorkload.Expected expected,
            long start,
            Duration timeout,
            boolean mustRestart) {
        var deadline = start + timeout.toNanos();
        var restarted = !mustRestart;
        var lastVerify = 0L;
        var lastProgress = start;
        UsageTables.Verdict verdict = null;
        while (System.nanoTime() - deadline < 0) {
            var failed = failure.get();
            if (failed != null) {
                return new Completion(false, -1, tables.verify(expected), failed);
            }
            var now = System.nanoTime();
            var stored = tables.storedOffsets();
            var endNow = end.getAsLong();
            if (!restarted) {
                restarted = stored < endNow;
                if (!restarted && now - start > TimeUnit.SECONDS.toNanos(60)) {
                    return new Completion(false, -1, tables.verify(expected), "no rebuild seen within 60 s");
                }
            } else {
                if (now - lastProgress > PROGRESS_EVERY.toNanos()) {
                    lastProgress = now;
                    System.out.printf(
                            "  %4.0f s: consumer at %,d of %,d records on the topic%s%n",
                            (now - start) / 1e9, stored, endNow, inputComplete.get() ? "" : " (still sending)");
                }
                if (inputComplete.get() && stored >= endNow && now - lastVerify > VERIFY_EVERY.toNanos()) {
                    lastVerify = now;
                    verdict = tables.verify(expected);
                    if (verdict.exact()) {
                        return new Completion(true, now, verdict, null);
                    }
                    if (verdict.records() >= verdict.expectedRecords()) {
                        return new Completion(false, -1, verdict, "every record is in, but the totals are not exact");
                    }
                }
            }
            LockSupport.parkNanos(POLL.toNanos());
        }
        return new Completion(
                false,
                -1,
                verdict == null ? tables.verify(expected) : verdict,
                "not complete within " + timeout.toSeconds() + " s");
    }

    private static String failureOf(CompletableFuture<?> sending, Exception consumer) {
        if (sending.isCompletedExceptionally()) {
            return "sending failed: " + sending.handle((r, e) -> e).join();
        }
        return consumer == null ? null : "the consumer failed: " + consumer;
    }

    private static long endOffsets(Admin admin, String topic) {
        try {
            var partitions = admin.describeTopics(List.of(topic))
                    .allTopicNames()
                    .get(10, TimeUnit.SECONDS)
                    .get(topic)
                    .partitions();
            var request = partitions.stream()
                    .collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
            return admin.listOffsets(request).all().get(10, TimeUnit.SECONDS).values().stream()
                    .mapToLong(info -> info.offset())
                    .sum();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("cannot read the end of " + topic, e);
        }
    }

    // ----- preparation -----

    /** The day the members joined: usage and subscriptions start then (neither may lie before the admission). */
    private static LocalDate admittedOn(String membership, List<Long> members) throws Exception {
        LocalDate latest = null;
        for (var member : members) {
            var response = Requests.HTTP.send(
                    Requests.get(membership, "/api/members/" + member, DemoLogins.BOARD),
                    HttpResponse.BodyHandlers.ofString());
            var joined = LocalDate.parse(
                    JSON.readTree(response.body()).path("joinedOn").asText());
            latest = latest == null || joined.isAfter(latest) ? joined : latest;
        }
        return latest;
    }

    private static void subscribe(String membership, List<Long> members, LocalDate day) throws Exception {
        for (var member : members) {
            for (var service : UsageWorkload.SERVICES) {
                var response = Requests.HTTP.send(
                        Requests.post(
                                membership,
                                "/api/members/" + member + "/subscriptions",
                                DemoLogins.BOARD,
                                Map.of("serviceCode", service.code(), "quantity", 1, "effectiveFrom", day.toString())),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 201) {
                    throw new IllegalStateException(
                            "subscription refused: " + response.statusCode() + " " + response.body());
                }
            }
        }
    }

    private static void awaitBillingKnows(UsageTables billing, List<Long> members) {
        var numbers = members.stream().map(String::valueOf).collect(Collectors.joining(","));
        var subscriptions = (long) members.size() * UsageWorkload.SERVICES.size();
        var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (billing.count("select count(*) from member where member_number in (" + numbers + ")") < members.size()
                || billing.count("select count(*) from subscription where member_number in (" + numbers + ")")
                        < subscriptions) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("billing did not learn of the members and subscriptions in 120 s");
            }
            LockSupport.parkNanos(POLL.toNanos());
        }
    }

    /**
     * Billing creates the usage topic at start (6 partitions) for meters that write before anyone else; should it
     * not have, the benchmark creates it the same way and says so.
     */
    private static void ensureUsageTopic(Admin admin, BillingIntakeSettings settings) throws Exception {
        if (admin.listTopics().names().get(10, TimeUnit.SECONDS).contains(settings.usageTopic())) {
            return;
        }
        admin.createTopics(List.of(new NewTopic(settings.usageTopic(), 6, (short) 1)))
                .all()
                .get(30, TimeUnit.SECONDS);
        System.out.printf(
                "  NOTE: billing had not created %s at start (see its log); the benchmark created it with 6"
                        + " partitions%n",
                settings.usageTopic());
    }

    /** Billing's consumer holds the usage topic's partitions, as the baseline's consumer does before it starts. */
    private static void awaitAssigned(Admin admin, BillingIntakeSettings settings) throws Exception {
        var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (true) {
            var group = admin.describeConsumerGroups(List.of(settings.groupId()))
                    .all()
                    .get(10, TimeUnit.SECONDS)
                    .get(settings.groupId());
            var assigned = group.members().stream()
                    .flatMap(m -> m.assignment().topicPartitions().stream())
                    .anyMatch(p -> p.topic().equals(settings.usageTopic()));
            if (assigned) {
                return;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("billing's consumer got no partition of " + settings.usageTopic());
            }
            LockSupport.parkNanos(POLL.toNanos());
        }
    }

    /** Empty when the service documents the path in its OpenAPI description, else why the phase cannot run. */
    private static Optional<String> documented(String baseUrl, String path) throws IOException, InterruptedException {
        var response =
                Requests.HTTP.send(Requests.get(baseUrl, "/v3/api-docs", null), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200 && response.body().contains("\"" + path + "\"")) {
            return Optional.empty();
        }
        var probe = Requests.HTTP.send(
                Requests.post(baseUrl, path, DemoLogins.ADMIN, Map.of()), HttpResponse.BodyHandlers.discarding());
        return Optional.of("not available (" + path + " is not in " + baseUrl + "/v3/api-docs; a POST answers "
                + probe.statusCode() + ")");
    }

    // ----- the process and machine facts -----

    private static long postmaster(LocalPostgres postgres) {
        try (var connection = DriverManager.getConnection(
                        postgres.jdbcUrl("postgres"), postgres.user(), postgres.password());
                var statement = connection.createStatement();
                var rows = statement.executeQuery("select setting from pg_settings where name = 'data_directory'")) {
            rows.next();
            var pidFile = Path.of(rows.getString(1), "postmaster.pid");
            return Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("cannot find PostgreSQL's postmaster", e);
        }
    }

    static String loadAverage() {
        try {
            var fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return String.format(
                    "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static void printSetup(Options options, BillingIntakeSettings settings) {
        var runtime = Runtime.getRuntime();
        System.out.println("Allmende usage throughput benchmark (issue 5)");
        System.out.printf(
                "  machine: %d cores, load average %s (1/5/15 min), Java %s, %s %s%n",
                runtime.availableProcessors(),
                loadAverage(),
                Runtime.version(),
                System.getProperty("os.name"),
                System.getProperty("os.arch"));
        System.out.printf("  service JVMs: %s%n", String.join(" ", options.serviceJavaOptions()));
        System.out.printf(
                "  this JVM (the benchmark, the Kafka broker, the producers, the baseline consumer, the HTTP clients):"
                        + " %s, max heap %d MiB%n",
                ManagementFactory.getRuntimeMXBean().getInputArguments().isEmpty()
                        ? "no options"
                        : String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()),
                runtime.maxMemory() >> 20);
        System.out.println(
                "  PostgreSQL 15 embedded and temporary (fsync=off, synchronous_commit=off); Kafka 4.2 broker"
                        + " (KRaft, one node) in this JVM; usage topic with 6 partitions, keyed by member number");
        System.out.printf(
                "  consumers: billing's intake and the baseline poll alike: max.poll.records=%d (billing-service.yml"
                        + " allmende.intake.max-poll-records), isolation read_committed, no auto commit, kafka-clients'"
                        + " fetch defaults (fetch.min.bytes 1, fetch.max.wait.ms 500, max.partition.fetch.bytes 4 MiB as billing sets it),"
                        + " one consumer thread, offsets stored in PostgreSQL with each batch%n",
                settings.maxPollRecords());
        System.out.printf(
                "  per phase %,d records (%.1f %% sent twice, %.1f %% reversals) after a warm-up of %,d the same way"
                        + " (not timed, totals checked too); HTTP: batches of %,d, %d clients back to back; a phase ends"
                        + " when the totals are exact, or after %d s%n%n",
                options.records(),
                100 * UsageWorkload.DUPLICATE_SHARE,
                100 * UsageWorkload.REVERSAL_SHARE,
                options.warmup(),
                options.batchSize(),
                options.httpClients(),
                options.timeout().toSeconds());
    }

    // ----- the report -----

    private static int report(Options options, List<Phase> phases, HttpFigures http, ProcessMemory memory) {
        System.out.println("Results");
        System.out.printf("  %-52s %11s %9s %11s  %s%n", "phase", "records", "seconds", "records/s", "totals");
        for (var phase : phases) {
            if (!phase.measured()) {
                System.out.printf("  %-52s %s%n", phase.name(), phase.unavailable());
                continue;
            }
            System.out.printf(
                    "  %-52s %,11d %9s %,11.0f  %s%n",
                    phase.name(),
                    phase.records(),
                    phase.exact() ? String.format("%.1f", phase.seconds()) : "-",
                    phase.exact() ? phase.rate() : Double.NaN,
                    phase.exact() ? "exact" : "WRONG");
        }
        var baseline = find(phases, "(1)");
        var kafkaNative = find(phases, "(2)");
        var httpPhase = find(phases, "(3)");
        var rebuild = find(phases, "(4)");
        var ratio = baseline.isPresent() && kafkaNative.isPresent()
                ? kafkaNative.get().rate() / baseline.get().rate()
                : Double.NaN;
        System.out.printf("  ratio (2)/(1): %s%n", Double.isNaN(ratio) ? "-" : String.format("%.2f", ratio));
        if (http != null) {
            var client = http.client();
            System.out.printf(
                    "  HTTP batches of %,d: client p50 %.0f ms, p99 %.0f ms, max %.0f ms (from sending to the answer, %d"
                            + " clients); membership's own timer p50 %.0f ms, p99 %.0f ms; %,d accepted, %,d duplicates,"
                            + " %,d rejected, %d batches sent again after a 503; all answered after %.1f s (%,.0f"
                            + " records/s into membership)%n",
                    options.batchSize(),
                    client.p50(),
                    client.p99(),
                    client.max(),
                    options.httpClients(),
                    http.server().quantileMillis(0.50),
                    http.server().quantileMillis(0.99),
                    http.batches().accepted(),
                    http.batches().duplicates(),
                    http.batches().rejected(),
                    http.batches().retries(),
                    (http.batches().lastAnswer() - http.batches().firstSent()) / 1e9,
                    options.records()
                            / ((http.batches().lastAnswer() - http.batches().firstSent()) / 1e9));
        }
        System.out.println();
        goal(
                String.format("(2) >= %.0f %% of (1)", 100 * GOAL_SHARE_OF_BASELINE),
                Double.isNaN(ratio) ? null : ratio >= GOAL_SHARE_OF_BASELINE,
                Double.isNaN(ratio) ? "not measured" : String.format("%.0f %%", 100 * ratio));
        goal(
                String.format("(3) >= %,.0f records/s", GOAL_HTTP_RATE),
                httpPhase
                        .filter(Phase::exact)
                        .map(p -> p.rate() >= GOAL_HTTP_RATE)
                        .orElse(null),
                httpPhase.map(UsageThroughput::rateOrWhy).orElse("not run"));
        goal(
                String.format("(4) >= %,.0f records/s", GOAL_REBUILD_RATE),
                rebuild.filter(Phase::exact)
                        .map(p -> p.rate() >= GOAL_REBUILD_RATE)
                        .orElse(null),
                rebuild.map(UsageThroughput::rateOrWhy).orElse("not run"));

        System.out.println();
        System.out.println("Resident memory over the whole run (from /proc: peak RSS = VmHWM; RSS and PSS sampled every"
                + " second; PSS divides shared pages among their mappings: ZGC maps the heap three times on Java 17,"
                + " PostgreSQL's backends share its buffers)");
        memory.print();
        System.out.printf(
                "%nload average now %s (1/5/15 min; other work on this machine moves the figures)%n", loadAverage());

        var failed = phases.stream().filter(Phase::measured).anyMatch(p -> !p.exact())
                || (http != null && http.batches().failures() > 0);
        if (failed) {
            System.out.println("\nFAILED: a total is off or a request failed (see above); the figures are not valid.");
        }
        return failed ? 1 : 0;
    }

    private static String rateOrWhy(Phase phase) {
        if (!phase.measured()) {
            return "not available";
        }
        return phase.exact() ? String.format("%,.0f records/s", phase.rate()) : "totals wrong";
    }

    private static void goal(String goal, Boolean met, String figure) {
        System.out.printf(
                "  GOAL %-26s %s (%s)%n", goal, met == null ? "NOT MEASURED" : met ? "MET" : "NOT MET", figure);
    }

    private static Optional<Phase> find(List<Phase> phases, String prefix) {
        return phases.stream()
                .filter(p -> p.name().startsWith(prefix) && p.measured())
                .findFirst()
                .or(() ->
                        phases.stream().filter(p -> p.name().startsWith(prefix)).findFirst());
    }
}
