package org.allmende.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.allmende.devinfra.LocalKafka;
import org.allmende.devinfra.LocalPostgres;
import org.allmende.localrun.Launcher;
import org.allmende.localrun.Platform;

/**
 * The jar's entry: {@code usage} runs {@link UsageThroughput}, {@code invoice-run} {@link InvoiceRunThroughput},
 * {@code latency} or no name (options only, as before) runs {@link CommandLatency}. Also what both share: the exit codes and starting the platform.
 */
public final class Benchmarks {

    /** A benchmark's run once its options are read: the exit code, 0 for valid figures. */
    interface Run<O> {
        int measure(O options) throws Exception;
    }

    private Benchmarks() {}

    public static void main(String[] args) {
        var rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        if (args.length > 0 && args[0].equals("usage")) {
            UsageThroughput.main(rest);
        } else if (args.length > 0 && args[0].equals("invoice-run")) {
            InvoiceRunThroughput.main(rest);
        } else if (args.length > 0 && args[0].equals("latency")) {
            CommandLatency.main(rest);
        } else if (args.length > 0 && !args[0].startsWith("--")) {
            System.err.println("unknown benchmark " + args[0] + "; choose latency (the default), usage or invoice-run");
            System.exit(2);
        } else {
            CommandLatency.main(args);
        }
    }

    /** Exits 2 on a bad option (printing {@code usage}), 1 when the run crashed, else with the run's own code. */
    static <O> void exit(String[] args, Function<String[], O> parse, String usage, Run<O> run) {
        O options;
        try {
            options = parse.apply(args);
        } catch (IllegalArgumentException e) {
            System.err.println("unknown or bad option: " + e.getMessage());
            System.err.println(usage);
            System.exit(2);
            return;
        }
        int exit;
        try {
            exit = run.measure(options);
        } catch (Exception e) {
            e.printStackTrace();
            exit = 1;
        }
        System.exit(exit);
    }

    /**
     * Both services as their own JVMs against the given PostgreSQL and Kafka, with the request timer as a histogram
     * ({@link CommandLatency#SERVICE_METRICS}); their output goes to a temporary directory. Stopped on Ctrl-C too:
     * the services are JVMs of their own and would outlive this one.
     */
    static Platform startPlatform(LocalPostgres postgres, LocalKafka kafka, List<String> jvmOptions)
            throws IOException {
        var logs = Files.createTempDirectory("allmende-benchmark-logs");
        var platform = Platform.start(new Platform.Settings(
                postgres.ensureDatabase("membership"),
                postgres.ensureDatabase("billing"),
                postgres.user(),
                postgres.password(),
                kafka.bootstrapServers(),
                LocalKafka.freePort(),
                LocalKafka.freePort(),
                Launcher.servicesDirectory(),
                CommandLatency.SERVICE_METRICS,
                jvmOptions,
                logs));
        Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "benchmark-stop"));
        System.out.printf(
                "platform up: membership %s (pid %d), billing %s (pid %d); service logs in %s%n",
                platform.membership().baseUrl(),
                platform.membership().pid(),
                platform.billing().baseUrl(),
                platform.billing().pid(),
                logs);
        return platform;
    }
}
