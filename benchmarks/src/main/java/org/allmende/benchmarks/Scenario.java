package org.allmende.benchmarks;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * One kind of request, sent at a fixed rate: {@link #prepare} creates what the requests need (not measured), then
 * {@link #request} gives the i-th of {@code count}. A new command is one more implementation, listed in
 * {@link CommandLatency#SCENARIOS}.
 */
interface Scenario {

    String name();

    /** The method and URI template the service's {@code http.server.requests} timer tags these requests with. */
    String method();

    String uriTemplate();

    /** The service that answers, e.g. {@code http://localhost:8081}. */
    String baseUrl();

    void prepare(int count);

    HttpRequest request(int i);

    /** Why this answer is not a success, or null when it is: by default anything but 2xx fails. */
    default String failure(HttpResponse<String> response) {
        var status = response.statusCode();
        return status >= 200 && status < 300 ? null : status + " " + response.body();
    }

    /** A line on what the run did, given its latencies by request (ns, -1 for none); empty if nothing to say. */
    default String summary(long[] latencies) {
        return "";
    }

    /** Commands are measured against the goal; queries are the baseline beside them. */
    default boolean isCommand() {
        return !method().equals("GET");
    }
}
