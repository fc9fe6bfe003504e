package org.allmende.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.allmende.billing.einvoice.Buyer;
import org.allmende.billing.einvoice.DocumentType;
import org.allmende.billing.einvoice.EInvoiceDocument;
import org.allmende.billing.einvoice.EInvoiceLine;
import org.allmende.billing.einvoice.EInvoiceRenderer;
import org.allmende.billing.einvoice.ElectronicAddress;
import org.allmende.billing.einvoice.InvoiceUnit;
import org.allmende.billing.einvoice.PaymentInstructions;
import org.allmende.billing.einvoice.PostalAddress;
import org.allmende.billing.einvoice.SellerProperties;
import org.allmende.billing.einvoice.VatCategory;
import org.allmende.events.money.Money;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.io.ClassPathResource;

/**
 * How many e-invoice documents per second billing renders, per format: XRechnung UBL, XRechnung CII and the ZUGFeRD
 * PDF, each on its own, on a fixed number of threads after a warm-up. In-process, no database, no network: the
 * renderer's own cost, which the goal (at least 200 documents per second on 2 cores) is about. A measurement, not a
 * test: {@code mvn verify} builds it, never runs it.
 *
 * <pre>
 * java -Dloader.main=org.allmende.benchmarks.EInvoiceThroughput -cp benchmarks/target/allmende-benchmarks.jar \
 *     org.springframework.boot.loader.launch.PropertiesLauncher [--documents=2000] [--warmup=1000] [--threads=2]
 *     [--lines=12] [--formats=ubl,cii,pdf]
 * </pre>
 */
public final class EInvoiceThroughput {

    static final double GOAL = 200;

    record Options(int documents, int warmup, int threads, int lines, List<String> formats) {

        static Options parse(String... args) {
            var options = new Options(2000, 1000, 2, 12, List.of("ubl", "cii", "pdf"));
            for (var arg : args) {
                var equals = arg.indexOf('=');
                var text = equals < 0 ? "" : arg.substring(equals + 1);
                var value = text.matches("\\d+") ? Integer.parseInt(text) : -1;
                options = switch (equals < 0 ? arg : arg.substring(0, equals)) {
                    case "--documents" ->
                        new Options(value, options.warmup, options.threads, options.lines, options.formats);
                    case "--warmup" ->
                        new Options(options.documents, value, options.threads, options.lines, options.formats);
                    case "--threads" ->
                        new Options(options.documents, options.warmup, value, options.lines, options.formats);
                    case "--lines" ->
                        new Options(options.documents, options.warmup, options.threads, value, options.formats);
                    case "--formats" ->
                        new Options(
                                options.documents,
                                options.warmup,
                                options.threads,
                                options.lines,
                                List.of(text.split(",")));
                    default -> throw new IllegalArgumentException(arg);
                };
            }
            if (options.documents < 1 || options.threads < 1 || options.lines < 1 || options.warmup < 0) {
                throw new IllegalArgumentException("documents, threads and lines at least 1, warmup at least 0");
            }
            return options;
        }
    }

    private EInvoiceThroughput() {}

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("unknown or bad option: " + e.getMessage());
            System.err.println("options: --documents=2000 --warmup=1000 --threads=2 --lines=12 --formats=ubl,cii,pdf");
            System.exit(2);
            return;
        }
        var renderer = new EInvoiceRenderer();
        var documents = new ArrayList<EInvoiceDocument>();
        for (int i = 0; i < options.documents(); i++) {
            documents.add(document(i, options.lines()));
        }
        var system = ManagementFactory.getOperatingSystemMXBean();
        System.out.printf(
                "e-invoice rendering: %d documents of %d lines per format, %d threads, %d cores, load average %.2f%n",
                options.documents(),
                options.lines(),
                options.threads(),
                Runtime.getRuntime().availableProcessors(),
                system.getSystemLoadAverage());
        System.out.printf(
                "%-16s %10s %9s %9s %9s %10s %12s %s%n",
                "format", "docs/s", "p50 ms", "p99 ms", "max ms", "avg bytes", "cpu ms/doc", "goal");
        var formats = new ArrayList<Format>();
        for (var format : options.formats()) {
            formats.add(
                    switch (format) {
                        case "ubl" -> new Format("XRechnung UBL", renderer::xrechnungUbl);
                        case "cii" -> new Format("XRechnung CII", renderer::xrechnungCii);
                        case "pdf" -> new Format("ZUGFeRD PDF", renderer::pdf);
                        default -> throw new IllegalArgumentException("format " + format + ": ubl, cii or pdf");
                    });
        }
        for (var format : formats) {
            run(format, documents.subList(0, Math.min(options.warmup(), documents.size())), options.threads());
            var result = run(format, documents, options.threads());
            System.out.printf(
                    "%-16s %10.1f %9.2f %9.2f %9.2f %10d %12.2f %s%n",
                    format.name(),
                    result.perSecond(),
                    result.latencies().p50(),
                    result.latencies().p99(),
                    result.latencies().max(),
                    result.averageBytes(),
                    result.cpuMillisPerDocument(),
                    result.perSecond() >= GOAL ? "MET" : "NOT MET");
        }
        System.out.printf("load average after: %.2f%n", system.getSystemLoadAverage());
        System.out.println("docs/s: wall clock over all threads; cpu ms/doc: the rendering thread's own CPU time (GC"
                + " and other processes not counted), so 1000 × cores / cpu ms is what free cores could render");
        System.exit(0);
    }

    record Format(String name, Function<EInvoiceDocument, byte[]> render) {}

    record Result(double perSecond, Latencies latencies, long averageBytes, double cpuMillisPerDocument) {}

    private static Result run(Format format, List<EInvoiceDocument> documents, int threads) throws Exception {
        var pool = Executors.newFixedThreadPool(threads);
        try {
            var next = new AtomicInteger();
            var nanos = new long[documents.size()];
            var bytes = new long[documents.size()];
            var cpu = new long[documents.size()];
            var threadTimes = ManagementFactory.getThreadMXBean();
            var workers = new ArrayList<Callable<Void>>();
            for (int t = 0; t < threads; t++) {
                workers.add(() -> {
                    for (int i = next.getAndIncrement(); i < documents.size(); i = next.getAndIncrement()) {
                        var start = System.nanoTime();
                        var cpuStart = threadTimes.getCurrentThreadCpuTime();
                        bytes[i] = format.render().apply(documents.get(i)).length;
                        cpu[i] = threadTimes.getCurrentThreadCpuTime() - cpuStart;
                        nanos[i] = System.nanoTime() - start;
                    }
                    return null;
                });
            }
            var start = System.nanoTime();
            for (var done : pool.invokeAll(workers)) {
                done.get();
            }
            var elapsed = System.nanoTime() - start;
            long total = 0;
            long cpuTotal = 0;
            for (int i = 0; i < documents.size(); i++) {
                total += bytes[i];
                cpuTotal += cpu[i];
            }
            return new Result(
                    documents.size() / (elapsed / 1e9),
                    Latencies.of(nanos),
                    total / documents.size(),
                    cpuTotal / 1e6 / documents.size());
        } finally {
            pool.shutdownNow();
        }
    }

    /** The seller as the service is configured by default (billing-service.yml): the demo cooperative. */
    private static final SellerProperties SELLER = configuredSeller();

    private static SellerProperties configuredSeller() {
        try {
            var sources = new MutablePropertySources();
            new YamlPropertySourceLoader()
                    .load("billing-service.yml", new ClassPathResource("billing-service.yml"))
                    .forEach(sources::addLast);
            return new Binder(ConfigurationPropertySources.from(sources))
                    .bind("allmende.seller", SellerProperties.class)
                    .get();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final InvoiceUnit[] UNITS = {
        InvoiceUnit.PAGE, InvoiceUnit.GB_MONTH, InvoiceUnit.DEVICE, InvoiceUnit.HOUR, InvoiceUnit.LUMP_SUM
    };

    /** A member's monthly invoice: taxed and exempt services, every other one paid by direct debit. */
    static EInvoiceDocument document(int i, int lineCount) {
        var lines = new ArrayList<EInvoiceLine>();
        for (int l = 1; l <= lineCount; l++) {
            var quantity = BigDecimal.valueOf(1 + (i * 7L + l * 13L) % 5000);
            var price = new BigDecimal("0.0123").add(BigDecimal.valueOf(l, 2));
            lines.add(new EInvoiceLine(
                    String.valueOf(l),
                    "Leistung " + l,
                    "Beschreibung der Leistung " + l + " für Mitglied " + (1000 + i),
                    "SVC-" + l,
                    quantity,
                    UNITS[l % UNITS.length],
                    price,
                    Money.round(quantity.multiply(price)),
                    l % 3 == 0 ? VatCategory.COST_SHARING_EXEMPT : VatCategory.STANDARD,
                    LocalDate.of(2026, 3, 1),
                    LocalDate.of(2026, 3, 31),
                    null));
        }
        var member = 1000 + i;
        var buyer = new Buyer(
                "Gemeinde " + member,
                PostalAddress.german(
                        "Rathausplatz " + (i % 40 + 1), "34" + String.format("%03d", i % 1000), "Ort " + i),
                member,
                "991-33333TEST-33",
                ElectronicAddress.leitwegId("991-33333TEST-33"));
        PaymentInstructions payment = i % 2 == 0
                ? new PaymentInstructions.CreditTransfer("DE12500105170648489890", "INGDDEFFXXX", "KommunalIT eG")
                : new PaymentInstructions.DirectDebit(
                        "KIT-M-" + member, "DE98ZZZ09999999999", "DE89370400440532013000");
        return new EInvoiceDocument(
                DocumentType.INVOICE,
                String.format("RE-2026-%06d", i + 1),
                LocalDate.of(2026, 4, 1),
                LocalDate.of(2026, 4, 15),
                LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 3, 31),
                null,
                SELLER.seller(),
                buyer,
                payment,
                lines,
                null);
    }
}
