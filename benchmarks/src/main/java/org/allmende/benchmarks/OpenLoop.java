package org.allmende.benchmarks;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends requests at a fixed offered rate, whatever the answers take (an open loop): request i is due at
 * {@code start + i / rate}, and its latency is counted from that moment, so a slow answer that holds up the client
 * counts against the service too (no coordinated omission). Bounded in count and in time.
 */
final class OpenLoop {

    /** What one run saw: latencies in ns from the due time (-1: no answer), failures (unanswered too), duration. */
    record Result(long[] latencies, int failures, List<String> firstFailures, double seconds, boolean finished) {

        /** Successful answers per second, from the first due time to the last answer. */
        double throughput() {
            return seconds > 0 ? (latencies.length - failures) / seconds : 0;
        }
    }

    private OpenLoop() {}

    static Result run(Scenario scenario, int count, double rate, ExecutorService clients) {
        var interval = (long) (1_000_000_000L / rate);
        var bound = TimeUnit.SECONDS.toNanos((long) (count / rate) + 60);
        var latencies = new long[count];
        Arrays.fill(latencies, -1);
        var failures = new AtomicInteger();
        var firstFailures = new ConcurrentLinkedQueue<String>();
        var lastAnswer = new AtomicLong();
        var done = new CountDownLatch(count);
        var start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
        for (int i = 0; i < count && System.nanoTime() - start < bound; i++) {
            var due = start + i * interval;
            parkUntil(due);
            var request = scenario.request(i);
            var n = i;
            clients.execute(() -> {
                String failure;
                try {
                    var response = Requests.HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                    latencies[n] = System.nanoTime() - due;
                    failure = scenario.failure(response);
                } catch (IOException e) {
                    failure = e.toString();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failure = "interrupted";
                }
                if (failure != null && failures.incrementAndGet() <= 5) {
                    firstFailures.add(request.method() + " " + request.uri().getPath() + ": " + failure);
                }
                lastAnswer.accumulateAndGet(System.nanoTime(), Math::max);
                done.countDown();
            });
        }
        boolean finished;
        try {
            finished = done.await(Math.max(0, start + bound - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            finished = false;
        }
        var unanswered = (int) done.getCount();
        var seconds = (lastAnswer.get() - start) / 1e9;
        return new Result(
                latencies.clone(), failures.get() + unanswered, List.copyOf(firstFailures), seconds, finished);
    }

    private static void parkUntil(long due) {
        for (var wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
            LockSupport.parkNanos(wait);
        }
    }
}
