package org.allmende.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.allmende.devinfra.DemoLogins;
import org.allmende.devinfra.LocalKafka;
import org.allmende.devinfra.LocalPostgres;
import org.allmende.events.money.Money;
import org.allmende.localrun.Launcher;
import org.allmende.localrun.Platform;
import org.allmende.localrun.ServiceProcess;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * An invoice run at scale (issue 6), on a real PostgreSQL, a real Kafka broker and billing-service as its own JVM
 * from its jar. Seeded through billing's real ways in (not measured): membership's contract events on
 * {@code allmende.membership.v1} as membership's relay publishes them (the catalog, admissions, subscriptions), the
 * price plans through {@code POST /api/tariffs}, a month of usage on {@code allmende.usage.v1} as meters send it;
 * then, once billing's projections hold all of it:
 *
 * <ol>
 *   <li>(a) drafting: {@code POST /api/invoice-runs} until it answers — every amount committed;
 *   <li>(d) the set-based SQL baseline of the same per-member net totals in one statement
 *       ({@link InvoiceTotalsBaseline}), compared member by member with the drafts;
 *   <li>(b) issuing: {@code POST /api/invoice-runs/{id}/issue} until it answers, and until the read side lists
 *       every document;
 *   <li>(c) e-invoices: {@code GET /api/documents/{number}/ubl|cii|pdf} of the issued documents from 2 client
 *       threads, per format: billing renders each on its first download and stores it.
 * </ol>
 *
 * <p>A measurement, not a test: exit 0 when every total agrees to the cent (goals met or not), 1 when a total
 * differs, a member was left out or a request failed.
 */
public final class InvoiceRunThroughput {

    static final double GOAL_DRAFT_SECONDS = 10;
    static final double GOAL_DOCUMENTS_PER_SECOND = 200;
    static final String MEMBERSHIP_TOPIC = "allmende.membership.v1";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration POLL = Duration.ofMillis(250);

    record Options(
            int members,
            int services,
            YearMonth month,
            int render,
            int renderThreads,
            boolean warmup,
            Duration timeout,
            List<String> serviceJavaOptions) {

        static final String USAGE = "options: --members=10000 --services=10 --month=2026-03 --render=1000"
                + " (documents per e-invoice format) --render-threads=2 --warmup=true (the month before, drafted and"
                + " issued first, not measured) --timeout=1800 (s per wait)"
                + " --service-java-opts='-Xmx1g -XX:+UseZGC'";

        static Options parse(String... args) {
            int members = 10_000;
            int services = 10;
            var month = YearMonth.of(2026, 3);
            int render = 1000;
            int threads = 2;
            long timeout = 1800;
            var warmup = true;
            List<String> javaOptions = List.of("-Xmx1g", "-XX:+UseZGC");
            for (var arg : args) {
                var equals = arg.indexOf('=');
                var value = equals < 0 ? "" : arg.substring(equals + 1);
                switch (equals < 0 ? arg : arg.substring(0, equals)) {
                    case "--members" -> members = Integer.parseInt(value);
                    case "--services" -> services = Integer.parseInt(value);
                    case "--month" -> month = YearMonth.parse(value);
                    case "--render" -> render = Integer.parseInt(value);
                    case "--render-threads" -> threads = Integer.parseInt(value);
                    case "--warmup" -> warmup = Boolean.parseBoolean(value);
                    case "--timeout" -> timeout = Long.parseLong(value);
                    case "--service-java-opts" ->
                        javaOptions = List.of(value.trim().split("\\s+"));
                    default -> throw new IllegalArgumentException(arg);
                }
            }
            if (members < 1 || members > 1_000_000 || services < 1 || services > 40 || render < 0 || threads < 1) {
                throw new IllegalArgumentException("members 1-1000000, services 1-40, render >= 0, threads >= 1");
            }
            return new Options(
                    members, services, month, render, threads, warmup, Duration.ofSeconds(timeout), javaOptions);
        }
    }

    /** One line of the report. */
    record Figure(String phase, String count, double seconds, String rate, String verdict) {}

    private InvoiceRunThroughput() {}

    public static void main(String[] args) {
        Benchmarks.exit(args, Options::parse, Options.USAGE, InvoiceRunThroughput::run);
    }

    private static int run(Options options) throws Exception {
        var loadAtStart = UsageThroughput.loadAverage();
        System.out.println("Allmende invoice run benchmark (issue 6)");
        System.out.printf(
                "  machine: %d cores, load average %s (1/5/15 min) at the start, Java %s%n",
                Runtime.getRuntime().availableProcessors(), loadAtStart, Runtime.version());
        System.out.printf(
                "  %,d members x %d services, month %s; billing-service alone (%s), PostgreSQL 15 embedded"
                        + " (fsync=off), Kafka broker in this JVM%n%n",
                options.members(), options.services(), options.month(), String.join(" ", options.serviceJavaOptions()));
        try (var postgres = LocalPostgres.startTemporary();
                var kafka = LocalKafka.startTemporary();
                var admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(MEMBERSHIP_TOPIC, 6, (short) 1)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
            var logs = Files.createTempDirectory("allmende-benchmark-logs");
            try (var billing = Platform.startBilling(new Platform.Settings(
                            null,
                            postgres.ensureDatabase("billing"),
                            postgres.user(),
                            postgres.password(),
                            kafka.bootstrapServers(),
                            0,
                            LocalKafka.freePort(),
                            Launcher.servicesDirectory(),
                            Map.of(),
                            options.serviceJavaOptions(),
                            logs));
                    var database = DriverManager.getConnection(
                            postgres.jdbcUrl("billing"), postgres.user(), postgres.password())) {
                Runtime.getRuntime().addShutdownHook(new Thread(billing::close, "benchmark-stop"));
                System.out.printf(
                        "billing up at %s (pid %d, started in %.1f s); its log in %s%n",
                        billing.baseUrl(), billing.pid(), billing.startup().toMillis() / 1000.0, logs);
                var workload = new InvoiceRunWorkload(options.month(), options.members(), options.services());
                seed(options, workload, kafka, billing, database);
                return measure(options, workload, billing, database, loadAtStart);
            }
        }
    }

    // ----- seeding (not measured) -----

    private static void seed(
            Options options, InvoiceRunWorkload workload, LocalKafka kafka, ServiceProcess billing, Connection db)
            throws Exception {
        System.out.println("seeding (not measured):");
        try (var membership = new EventProducer(kafka.bootstrapServers(), MEMBERSHIP_TOPIC)) {
            workload.catalog().forEach(membership::send);
            membership.flush();
            await(
                    options,
                    db,
                    "the catalog",
                    "select count(*) from catalog_service where code like 'B-%'",
                    workload.services().size());
            for (var service : workload.services()) {
                publishTariff(billing, service.tariff());
            }
            publishTariff(billing, workload.membershipFee());
            System.out.printf(
                    "  %d services in the catalog, %d price plans published (%s) and the membership fee%n",
                    workload.services().size(),
                    workload.services().size(),
                    workload.services().stream()
                            .map(s -> s.model().name().toLowerCase())
                            .distinct()
                            .reduce((a, b) -> a + ", " + b)
                            .orElse(""));
            var start = System.nanoTime();
            workload.members(membership::send);
            membership.flush();
            var events = (long) options.members() * (1 + workload.services().size());
            await(
                    options,
                    db,
                    "the members",
                    "select count(*) from member where member_number >= " + InvoiceRunWorkload.FIRST_MEMBER,
                    options.members());
            await(
                    options,
                    db,
                    "the subscriptions",
                    "select count(*) from subscription where member_number >= " + InvoiceRunWorkload.FIRST_MEMBER,
                    events - options.members());
            var seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(
                    "  %,d membership events (admissions, subscriptions) applied by billing in %.1f s (%,.0f/s)%n",
                    events, seconds, events / seconds);
        }
        var usageTopic = BillingIntakeSettings.of(Launcher.servicesDirectory().resolve("billing-service.jar"))
                .usageTopic();
        try (var meters = new EventProducer(kafka.bootstrapServers(), usageTopic)) {
            var start = System.nanoTime();
            var records = workload.usage(meters::send);
            meters.flush();
            await(
                    options,
                    db,
                    "the usage",
                    "select (select count(*) from usage_record where sending_system = '"
                            + InvoiceRunWorkload.SENDING_SYSTEM + "') + (select count(*) from rejected_usage)",
                    records);
            var rejected = count(db, "select count(*) from rejected_usage");
            if (rejected > 0) {
                throw new IllegalStateException(rejected + " usage records rejected, e.g. "
                        + text(db, "select rule || ': ' || record_id from rejected_usage limit 1"));
            }
            var seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(
                    "  %,d usage records (a month of working days) counted by billing in %.1f s (%,.0f/s);"
                            + " %,d daily totals%n%n",
                    records, seconds, records / seconds, count(db, "select count(*) from usage_daily"));
        }
    }

    private static void publishTariff(ServiceProcess billing, Map<String, Object> tariff) throws Exception {
        var response = Requests.HTTP.send(
                Requests.post(billing.baseUrl(), "/api/tariffs", DemoLogins.FINANCE, tariff),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("tariff refused: " + response.statusCode() + " " + response.body());
        }
    }

    private static void await(Options options, Connection db, String what, String countSql, long expected)
            throws SQLException {
        var deadline = System.nanoTime() + options.timeout().toNanos();
        var reported = System.nanoTime();
        long now;
        while ((now = count(db, countSql)) < expected) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("billing has " + now + " of " + expected + " (" + what + ") after "
                        + options.timeout().toSeconds() + " s");
            }
            if (System.nanoTime() - reported > TimeUnit.SECONDS.toNanos(20)) {
                System.out.printf("    ... %s: %,d of %,d%n", what, now, expected);
                reported = System.nanoTime();
            }
            LockSupport.parkNanos(POLL.toNanos());
        }
    }

    // ----- the measured phases -----

    private static int measure(
            Options options, InvoiceRunWorkload workload, ServiceProcess billing, Connection db, String loadAtStart)
            throws Exception {
        var figures = new ArrayList<Figure>();
        var failures = new ArrayList<String>();
        var warmupNumbers = new ArrayList<String>();
        if (options.warmup()) {
            // the month before, drafted and issued: the service's code paths are compiled, and the measured run's
            // review compares with invoices of a previous period, as in a real month
            var start = System.nanoTime();
            var previous = options.month().minusMonths(1);
            var run = post(billing, "/api/invoice-runs", Map.of("period", previous.toString()), options);
            var warmupIssue =
                    post(billing, "/api/invoice-runs/" + run.path("runId").asText() + "/issue", Map.of(), options);
            var issued = warmupIssue.path("issued").asInt();
            for (var outcome : warmupIssue.path("drafts")) {
                if (warmupNumbers.size() < 100) {
                    warmupNumbers.add(outcome.path("number").asText());
                }
            }
            await(options, db, "the issued documents of the warm-up", "select count(*) from issued_document", issued);
            System.out.printf(
                    "warm-up (not measured): %s drafted and %,d invoices issued in %.1f s%n",
                    previous, issued, (System.nanoTime() - start) / 1e9);
        }
        var before = count(db, "select count(*) from issued_document");
        System.out.printf("measuring (load average now %s):%n", UsageThroughput.loadAverage());

        // (a) drafting
        var start = System.nanoTime();
        var drafted = post(
                billing, "/api/invoice-runs", Map.of("period", options.month().toString()), options);
        var draftSeconds = (System.nanoTime() - start) / 1e9;
        var runId = drafted.path("runId").asText();
        var drafts = drafted.path("drafts").asInt();
        var skipped = drafted.path("skipped").size();
        if (!drafted.path("status").asText().equals("DRAFTED") || skipped > 0 || drafts != options.members()) {
            failures.add("the run drafted " + drafts + " of " + options.members() + " members, skipped " + skipped
                    + " (" + drafted.path("skipped").path(0) + "), status " + drafted.path("status"));
        }
        var lines = count(
                db,
                "select count(*) from draft_line l join draft_document d using (draft_id) where d.run_id = '" + runId
                        + "'");
        figures.add(new Figure(
                "(a) drafting: POST /api/invoice-runs until answered",
                String.format("%,d drafts, %,d lines", drafts, lines),
                draftSeconds,
                String.format("%,.0f members/s", drafts / draftSeconds),
                goal(draftSeconds <= GOAL_DRAFT_SECONDS, String.format("<= %.0f s", GOAL_DRAFT_SECONDS))));

        // (d) the SQL baseline, right after, on the same tables
        start = System.nanoTime();
        var baseline = InvoiceTotalsBaseline.netTotals(db, options.month());
        var baselineSeconds = (System.nanoTime() - start) / 1e9;
        var draftedNet = new HashMap<Long, BigDecimal>();
        for (var member : drafted.path("members")) {
            draftedNet.put(
                    member.path("memberNumber").asLong(), member.path("net").decimalValue());
        }
        var differences = differences(draftedNet, baseline);
        if (!differences.isEmpty()) {
            failures.add(differences.size() + " members' net totals differ between the drafts and the SQL baseline,"
                    + " e.g. " + differences.subList(0, Math.min(5, differences.size())));
        }
        var total = draftedNet.values().stream().reduce(Money.ZERO, BigDecimal::add);
        figures.add(new Figure(
                "(d) SQL baseline: the same net totals, one statement",
                String.format("%,d members", baseline.size()),
                baselineSeconds,
                String.format("%,.0f members/s", baseline.size() / baselineSeconds),
                differences.isEmpty()
                        ? String.format(
                                "every member's net identical to the cent (%s EUR in all)", total.toPlainString())
                        : "DIFFERENT for " + differences.size() + " members"));

        // (b) issuing
        start = System.nanoTime();
        var issue = post(billing, "/api/invoice-runs/" + runId + "/issue", Map.of(), options);
        var issueSeconds = (System.nanoTime() - start) / 1e9;
        var issued = issue.path("issued").asInt();
        if (issued != drafts || issue.path("failed").asInt() != 0) {
            failures.add("issued " + issued + " of " + drafts + ", failed " + issue.path("failed"));
        }
        figures.add(new Figure(
                "(b) issuing: POST .../issue until answered",
                String.format("%,d invoices", issued),
                issueSeconds,
                String.format("%,.0f invoices/s", issued / issueSeconds),
                String.format(
                        "numbers %s to %s",
                        issue.path("drafts").path(0).path("number").asText(),
                        issue.path("drafts").path(issued - 1).path("number").asText())));
        await(options, db, "the issued documents", "select count(*) from issued_document", before + issued);
        var readSideSeconds = (System.nanoTime() - start) / 1e9;
        figures.add(new Figure(
                "    ... until the read side lists every document",
                String.format("%,d documents", issued),
                readSideSeconds,
                String.format("%,.0f documents/s", issued / readSideSeconds),
                "GET /api/documents"));

        // (c) e-invoices through billing's download endpoints: the first request of a format renders and stores it
        var numbers = new ArrayList<String>();
        for (var outcome : issue.path("drafts")) {
            if (numbers.size() < options.render()) {
                numbers.add(outcome.path("number").asText());
            }
        }
        for (var format : List.of("ubl", "cii", "pdf")) {
            if (numbers.isEmpty()) {
                break;
            }
            download(billing, warmupNumbers, format, options.renderThreads()); // the renderer's JIT, not timed
            start = System.nanoTime();
            var bytes = download(billing, numbers, format, options.renderThreads());
            var seconds = (System.nanoTime() - start) / 1e9;
            if (bytes.failures() > 0) {
                failures.add(bytes.failures() + " downloads of " + format + " failed, e.g. " + bytes.firstFailure());
            }
            figures.add(new Figure(
                    "(c) e-invoices: GET /api/documents/{number}/" + format,
                    String.format("%,d documents, %,d kB avg", numbers.size(), bytes.total() / numbers.size() / 1024),
                    seconds,
                    String.format("%,.0f documents/s", numbers.size() / seconds),
                    goal(
                            numbers.size() / seconds >= GOAL_DOCUMENTS_PER_SECOND,
                            String.format(">= %.0f/s", GOAL_DOCUMENTS_PER_SECOND))));
        }
        return report(options, figures, failures, loadAtStart);
    }

    /** Members whose net totals differ, or that one side has and the other not. */
    static List<String> differences(Map<Long, BigDecimal> drafted, Map<Long, BigDecimal> baseline) {
        var differences = new ArrayList<String>();
        var keys = new TreeSet<Long>(drafted.keySet());
        keys.addAll(baseline.keySet());
        for (var member : keys) {
            var a = drafted.get(member);
            var b = baseline.get(member);
            if (a == null || b == null || a.compareTo(b) != 0) {
                differences.add(member + ": drafted " + a + ", SQL " + b);
            }
        }
        return differences;
    }

    /** What a set of downloads brought: bytes in all, failed requests and the first failure. */
    record Downloads(long total, int failures, String firstFailure) {}

    /** Downloads a format of each document, from {@code clients} client threads taking the next number in turn. */
    private static Downloads download(ServiceProcess billing, List<String> numbers, String format, int clients)
            throws Exception {
        var next = new java.util.concurrent.atomic.AtomicInteger();
        var total = new java.util.concurrent.atomic.AtomicLong();
        var failures = new java.util.concurrent.atomic.AtomicInteger();
        var first = new java.util.concurrent.atomic.AtomicReference<String>();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(clients);
        try {
            var workers = new ArrayList<java.util.concurrent.Callable<Void>>();
            for (int c = 0; c < clients; c++) {
                workers.add(() -> {
                    for (int i = next.getAndIncrement(); i < numbers.size(); i = next.getAndIncrement()) {
                        var path = "/api/documents/" + numbers.get(i) + "/" + format;
                        var response = Requests.HTTP.send(
                                Requests.get(billing.baseUrl(), path, DemoLogins.FINANCE),
                                HttpResponse.BodyHandlers.ofByteArray());
                        if (response.statusCode() == 200 && response.body().length > 0) {
                            total.addAndGet(response.body().length);
                        } else {
                            failures.incrementAndGet();
                            first.compareAndSet(null, path + " answered " + response.statusCode());
                        }
                    }
                    return null;
                });
            }
            for (var done : pool.invokeAll(workers)) {
                done.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return new Downloads(total.get(), failures.get(), first.get());
    }

    // ----- HTTP and SQL -----

    private static JsonNode post(ServiceProcess billing, String path, Object body, Options options) throws Exception {
        var request = Requests.postJson(
                billing.baseUrl(), path, DemoLogins.FINANCE, JSON.writeValueAsBytes(body), options.timeout());
        var response = Requests.HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + " "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
        return JSON.readTree(response.body());
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (var statement = db.createStatement();
                var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String text(Connection db, String sql) throws SQLException {
        try (var statement = db.createStatement();
                var rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : "";
        }
    }

    // ----- the report -----

    private static String goal(boolean met, String goal) {
        return "GOAL " + goal + ": " + (met ? "MET" : "NOT MET");
    }

    private static int report(Options options, List<Figure> figures, List<String> failures, String loadAtStart) {
        System.out.println();
        System.out.println("Results");
        System.out.printf("  %-52s %24s %9s %20s  %s%n", "phase", "count", "seconds", "rate", "");
        for (var figure : figures) {
            System.out.printf(
                    "  %-52s %24s %9.2f %20s  %s%n",
                    figure.phase(), figure.count(), figure.seconds(), figure.rate(), figure.verdict());
        }
        System.out.printf("%n  SQL baseline covers: %s%n", InvoiceTotalsBaseline.MODELS);
        System.out.printf(
                "  (c) billing renders a format of a document on its first download and stores it (ADR 0022); %d client"
                        + " threads, after 100 documents of the warm-up month per format (not timed)%n",
                options.renderThreads());
        System.out.printf(
                "  load average at the start %s, now %s (1/5/15 min; other work on this machine moves the figures)%n",
                loadAtStart, UsageThroughput.loadAverage());
        if (!failures.isEmpty()) {
            System.out.println();
            failures.forEach(f -> System.out.println("FAILED: " + f));
            return 1;
        }
        return 0;
    }
}
