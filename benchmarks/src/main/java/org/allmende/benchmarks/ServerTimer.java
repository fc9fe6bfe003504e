package org.allmende.benchmarks;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.allmende.devinfra.DemoLogins;

/**
 * The service's own view of its latency: Spring's {@code http.server.requests} timer, published as a histogram
 * ({@code percentiles-histogram} and a 10 ms boundary, set by the benchmark) on {@code /actuator/prometheus}. It
 * runs from the first servlet filter to the written answer, so it includes the security filters (bcrypt) but not
 * the network or Tomcat's accept queue. Read before and after a run; the difference is that run alone.
 */
final class ServerTimer {

    static final String METRIC = "http_server_requests_seconds_bucket{";
    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private ServerTimer() {}

    /** Cumulative counts by upper bound in seconds ({@code le}); +Inf as {@link Double#POSITIVE_INFINITY}. */
    record Histogram(NavigableMap<Double, Double> cumulative) {

        double count() {
            return cumulative.isEmpty() ? 0 : cumulative.lastEntry().getValue();
        }

        Histogram minus(Histogram earlier) {
            var difference = new TreeMap<Double, Double>();
            cumulative.forEach((le, n) -> difference.put(le, n - earlier.cumulative.getOrDefault(le, 0.0)));
            return new Histogram(difference);
        }

        /**
         * The q-quantile in milliseconds, interpolated linearly inside its bucket (the buckets are about 1/3 of a
         * power of 4 wide: 4.2 to 5.6 ms, 8.4 to 9.8 ms, ...); +Inf if it lies beyond the last finite bound.
         */
        double quantileMillis(double q) {
            var rank = q * count();
            double lower = 0;
            double below = 0;
            for (var bucket : cumulative.entrySet()) {
                if (bucket.getValue() >= rank && bucket.getValue() > below) {
                    if (bucket.getKey().isInfinite()) {
                        return Double.POSITIVE_INFINITY;
                    }
                    var share = (rank - below) / (bucket.getValue() - below);
                    return (lower + (bucket.getKey() - lower) * share) * 1000;
                }
                lower = bucket.getKey();
                below = bucket.getValue();
            }
            return Double.NaN;
        }

        /** The exact share of answers at or below a bucket bound (such as the 10 ms the benchmark adds). */
        double shareAtMost(double seconds) {
            var at = cumulative.floorEntry(seconds + 1e-12);
            return count() == 0 || at == null ? Double.NaN : at.getValue() / count();
        }
    }

    /** The histogram of one method and URI template, summed over status, outcome and exception. */
    static Histogram read(String baseUrl, String method, String uriTemplate) {
        try {
            var request = Requests.metrics(baseUrl, DemoLogins.ADMIN);
            var response = Requests.HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("/actuator/prometheus answered " + response.statusCode());
            }
            return parse(response.body(), method, uriTemplate);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + baseUrl + "/actuator/prometheus", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Histogram parse(String exposition, String method, String uriTemplate) {
        var cumulative = new TreeMap<Double, Double>();
        exposition.lines().filter(line -> line.startsWith(METRIC)).forEach(line -> {
            var close = line.lastIndexOf('}');
            var labels = labels(line.substring(METRIC.length(), close));
            if (method.equals(labels.get("method")) && uriTemplate.equals(labels.get("uri"))) {
                var le = labels.get("le");
                var bound = le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
                var value = Double.parseDouble(line.substring(close + 1).trim().split(" ")[0]);
                cumulative.merge(bound, value, Double::sum);
            }
        });
        return new Histogram(cumulative);
    }

    private static Map<String, String> labels(String text) {
        var labels = new java.util.HashMap<String, String>();
        var matcher = LABEL.matcher(text);
        while (matcher.find()) {
            labels.put(matcher.group(1), matcher.group(2));
        }
        return labels;
    }
}
