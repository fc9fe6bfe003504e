package org.allmende.benchmarks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.allmende.devinfra.DemoLogins;

/** The requests the benchmark sends: plain HTTP/1.1 with keep-alive, HTTP Basic where a login is given. */
final class Requests {

    static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private Requests() {}

    static HttpRequest get(String baseUrl, String path, DemoLogins.Login login) {
        return builder(baseUrl, path, login).GET().build();
    }

    /** The Prometheus text format (0.0.4), as a scraper asks for it. */
    static HttpRequest metrics(String baseUrl, DemoLogins.Login login) {
        return builder(baseUrl, "/actuator/prometheus", login)
                .setHeader("Accept", "text/plain")
                .GET()
                .build();
    }

    static HttpRequest post(String baseUrl, String path, DemoLogins.Login login, Object body) {
        try {
            return builder(baseUrl, path, login)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A JSON body already written, with its own time limit (large batches take longer than a command). */
    static HttpRequest postJson(String baseUrl, String path, DemoLogins.Login login, byte[] json, Duration timeout) {
        return builder(baseUrl, path, login)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json))
                .build();
    }

    private static HttpRequest.Builder builder(String baseUrl, String path, DemoLogins.Login login) {
        var builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(TIMEOUT)
                .header("Accept", "application/json, application/problem+json");
        if (login != null) {
            var token = Base64.getEncoder()
                    .encodeToString((login.username() + ":" + login.password()).getBytes(StandardCharsets.UTF_8));
            builder.header("Authorization", "Basic " + token);
        }
        return builder;
    }
}
