package org.allmende.localrun;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One service as its own JVM, started from its executable jar, as it runs in production. */
public final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final Process process;
    private final Duration startup;

    private ServiceProcess(String name, int port, Process process, Duration startup) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.startup = startup;
    }

    /**
     * Starts the jar with the given Spring properties and waits until its health
     * endpoint answers. Output goes to this console, or to {@code log} when given.
     */
    public static ServiceProcess start(
            String name, Path jar, int port, Map<String, String> properties, List<String> jvmOptions, Path log) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(
                    "no executable jar for " + name + " at " + jar + " (build it first: mvn -DskipTests package)");
        }
        var command = new ArrayList<String>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        var builder = new ProcessBuilder(command);
        // Through the environment rather than the command line: passwords and hashes stay out of `ps`.
        builder.environment().put("SPRING_APPLICATION_JSON", toJson(properties));
        if (log == null) {
            builder.inheritIO();
        } else {
            try {
                Files.createDirectories(log.getParent());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        }
        var began = System.nanoTime();
        try {
            var process = builder.start();
            var service = new ServiceProcess(name, port, process, Duration.ZERO);
            service.awaitHealthy(Duration.ofSeconds(180), log);
            return new ServiceProcess(name, port, process, Duration.ofNanos(System.nanoTime() - began));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    private static String toJson(Map<String, String> properties) {
        try {
            return new ObjectMapper().writeValueAsString(properties);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private void awaitHealthy(Duration timeout, Path log) {
        // elapsed time, not business time: a monotonic clock
        var deadline = System.nanoTime() + timeout.toNanos();
        var health = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                .timeout(Duration.ofSeconds(2))
                .build();
        while (System.nanoTime() - deadline < 0) {
            try {
                // Waiting on the process rather than sleeping: a service that dies at start fails at once.
                if (process.waitFor(250, TimeUnit.MILLISECONDS)) {
                    throw new IllegalStateException(
                            name + " exited with code " + process.exitValue() + (log == null ? "" : "; see " + log));
                }
                if (HTTP.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYetListening) {
                // keep waiting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new IllegalStateException("interrupted while starting " + name, e);
            }
        }
        close();
        throw new IllegalStateException(name + " did not become healthy within " + timeout);
    }

    public String name() {
        return name;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public long pid() {
        return process.pid();
    }

    public Duration startup() {
        return startup;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Process process() {
        return process;
    }

    /** Asks the service to shut down gracefully (SIGTERM), and kills it if it has not within 30 s. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
