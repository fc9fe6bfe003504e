package org.allmende.benchmarks;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.allmende.devinfra.DemoLogins;

/**
 * The board's admission votes (§15 GenG): for {@code count} commands, {@code count / 2} applications are
 * submitted first; the first half of the commands are {@code vorstand}'s votes on each, the second half
 * {@code vorstand2}'s, each of which meets the quorum and admits a member (member number, register entry, events
 * for billing). Two votes on one application never race, as two board members would not within milliseconds.
 */
final class AdmissionVotes implements Scenario {

    private static final Map<String, String> APPROVE = Map.of("vote", "APPROVE", "comment", "benchmark");

    private final String baseUrl;
    private final String label;
    private final AtomicInteger admitted = new AtomicInteger();
    private List<String> applications = List.of();

    AdmissionVotes(String baseUrl, String label) {
        this.baseUrl = baseUrl;
        this.label = label;
    }

    @Override
    public String name() {
        return "admission votes";
    }

    @Override
    public String method() {
        return "POST";
    }

    @Override
    public String uriTemplate() {
        return "/api/applications/{applicationId}/votes";
    }

    @Override
    public String baseUrl() {
        return baseUrl;
    }

    @Override
    public void prepare(int count) {
        applications = Applications.submit(baseUrl, "Gemeinde " + label, (count + 1) / 2);
    }

    @Override
    public HttpRequest request(int i) {
        var first = i < applications.size();
        var application = applications.get(first ? i : i - applications.size());
        return Requests.post(
                baseUrl,
                "/api/applications/" + application + "/votes",
                first ? DemoLogins.BOARD : DemoLogins.BOARD_2,
                APPROVE);
    }

    @Override
    public String failure(HttpResponse<String> response) {
        var failure = Scenario.super.failure(response);
        if (failure == null && response.body().contains("\"outcome\":\"APPROVED\"")) {
            admitted.incrementAndGet();
        }
        return failure;
    }

    /** The two halves apart: a vote that only counts, and one that admits (in turn, not side by side). */
    @Override
    public String summary(long[] latencies) {
        var half = applications.size();
        var counting = Latencies.of(Arrays.copyOfRange(latencies, 0, half));
        var admitting = Latencies.of(Arrays.copyOfRange(latencies, half, latencies.length));
        return String.format(
                "%d admitted by the second vote; client p50/p99 of the first votes %.1f/%.1f ms, of the admitting"
                        + " votes %.1f/%.1f ms",
                admitted.get(), counting.p50(), counting.p99(), admitting.p50(), admitting.p99());
    }
}
