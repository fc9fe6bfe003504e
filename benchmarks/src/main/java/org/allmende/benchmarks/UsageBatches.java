package org.allmende.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.allmende.devinfra.DemoLogins;

/**
 * Sending systems that speak HTTP: a few clients post a workload in batches to membership's
 * {@code POST /api/usage/batches} as FINANCE, back to back (a closed loop: each client sends its next batch when the
 * last is answered); a 503 is sent again after its {@code Retry-After}, and the batch's time runs on. A batch that repeats or reverses a record of an earlier batch is held until that batch has been
 * answered, as a sender would.
 */
final class UsageBatches {

    static final String PATH = "/api/usage/batches";
    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final int MAX_RETRIES = 5;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One record of a batch as the endpoint takes it: quantities and dates as strings. */
    record BatchRecord(
            String sendingSystem,
            String recordId,
            long memberNumber,
            String serviceCode,
            String quantity,
            String unit,
            String usedFrom,
            String usedTo,
            String reversesRecordId) {}

    /**
     * What the run saw: per batch the time from sending to the answer (ns, -1 for none), the endpoint's counts,
     * failures (not 200, records refused, or no answer), and when the first batch left and the last answer came.
     */
    record Result(
            long[] latencies,
            long accepted,
            long duplicates,
            long rejected,
            int failures,
            int retries,
            List<String> firstFailures,
            long firstSent,
            long lastAnswer) {}

    private UsageBatches() {}

    static Result send(String baseUrl, UsageWorkload workload, int batchSize, int clients) {
        var batches = (workload.size() + batchSize - 1) / batchSize;
        var latencies = new long[batches];
        Arrays.fill(latencies, -1);
        var answered = new CountDownLatch[batches];
        for (int b = 0; b < batches; b++) {
            answered[b] = new CountDownLatch(1);
        }
        var next = new AtomicInteger();
        var accepted = new AtomicLong();
        var duplicates = new AtomicLong();
        var rejected = new AtomicLong();
        var failures = new AtomicInteger();
        var retries = new AtomicInteger();
        var firstFailures = new ConcurrentLinkedQueue<String>();
        var firstSent = new AtomicLong(Long.MAX_VALUE);
        var lastAnswer = new AtomicLong();
        var threads = new ArrayList<Thread>();
        for (int c = 0; c < clients; c++) {
            var thread = new Thread(
                    () -> {
                        for (var b = next.getAndIncrement(); b < batches; b = next.getAndIncrement()) {
                            var from = b * batchSize;
                            var to = Math.min(workload.size(), from + batchSize);
                            try {
                                awaitReferences(workload, from, to, batchSize, answered);
                                var body = body(workload, from, to);
                                var request = Requests.postJson(baseUrl, PATH, DemoLogins.FINANCE, body, TIMEOUT);
                                var sent = System.nanoTime();
                                firstSent.accumulateAndGet(sent, Math::min);
                                var response = Requests.HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                                for (int attempt = 1;
                                        response.statusCode() == 503 && attempt <= MAX_RETRIES;
                                        attempt++) {
                                    retries.incrementAndGet();
                                    LockSupport.parkNanos(retryAfter(response).toNanos());
                                    response = Requests.HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                                }
                                var now = System.nanoTime();
                                latencies[b] = now - sent;
                                lastAnswer.accumulateAndGet(now, Math::max);
                                var failure = judge(response, to - from, accepted, duplicates, rejected);
                                if (failure != null && failures.incrementAndGet() <= 5) {
                                    firstFailures.add("batch " + b + ": " + failure);
                                }
                            } catch (IOException | RuntimeException e) {
                                if (failures.incrementAndGet() <= 5) {
                                    firstFailures.add("batch " + b + ": " + e);
                                }
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                failures.incrementAndGet();
                                return;
                            } finally {
                                answered[b].countDown();
                            }
                        }
                    },
                    "usage-client-" + c);
            thread.start();
            threads.add(thread);
        }
        for (var thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return new Result(
                latencies,
                accepted.get(),
                duplicates.get(),
                rejected.get(),
                failures.get(),
                retries.get(),
                List.copyOf(firstFailures),
                firstSent.get(),
                lastAnswer.get());
    }

    private static void awaitReferences(
            UsageWorkload workload, int from, int to, int batchSize, CountDownLatch[] answered)
            throws InterruptedException {
        for (int i = from; i < to; i++) {
            var reference = workload.reference(i);
            if (reference >= 0 && reference < from && !answered[reference / batchSize].await(5, TimeUnit.MINUTES)) {
                throw new IllegalStateException("batch " + reference / batchSize + " not answered within 5 minutes");
            }
        }
    }

    /**
     * A 503 says to send the batch again after {@code Retry-After} (Kafka did not take all of it, or membership's
     * view is still catching up); the records taken already are answered as duplicates then.
     */
    private static Duration retryAfter(HttpResponse<String> response) {
        var seconds = response.headers().firstValue("Retry-After").orElse("1");
        try {
            return Duration.ofSeconds(Math.min(30, Math.max(1, Long.parseLong(seconds.strip()))));
        } catch (NumberFormatException e) {
            return Duration.ofSeconds(1);
        }
    }

    private static byte[] body(UsageWorkload workload, int from, int to) throws IOException {
        var records = new ArrayList<BatchRecord>(to - from);
        for (int i = from; i < to; i++) {
            var usage = workload.record(i);
            records.add(new BatchRecord(
                    usage.sendingSystem(),
                    usage.recordId(),
                    usage.memberNumber(),
                    usage.serviceCode(),
                    usage.quantity().toPlainString(),
                    usage.unit(),
                    usage.usedFrom().toString(),
                    usage.usedTo().toString(),
                    usage.reversesRecordId()));
        }
        return JSON.writeValueAsBytes(Map.of("records", records));
    }

    /** Null when the batch was taken whole: 200 and every record accepted or recognized as a duplicate. */
    private static String judge(
            HttpResponse<String> response, int size, AtomicLong accepted, AtomicLong duplicates, AtomicLong rejected)
            throws IOException {
        if (response.statusCode() != 200) {
            return response.statusCode() + " " + abbreviate(response.body());
        }
        var answer = JSON.readTree(response.body());
        var a = answer.path("accepted").asLong();
        var d = answer.path("duplicates").asLong();
        var r = answer.path("rejected").asLong();
        accepted.addAndGet(a);
        duplicates.addAndGet(d);
        rejected.addAndGet(r);
        if (r > 0 || a + d != size) {
            return String.format(
                    "%d accepted, %d duplicates, %d rejected of %d: %s", a, d, r, size, abbreviate(response.body()));
        }
        return null;
    }

    private static String abbreviate(String text) {
        return text.length() <= 400 ? text : text.substring(0, 400) + "...";
    }
}
