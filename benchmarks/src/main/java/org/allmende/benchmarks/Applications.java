package org.allmende.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.allmende.devinfra.DemoLogins;

/** Submits applications through the public form, as fast as a few clients can: preparation, not measured. */
final class Applications {

    private static final int CLIENTS = 4;
    private static final ObjectMapper JSON = new ObjectMapper();

    private Applications() {}

    static Map<String, Object> form(String name) {
        return Map.of(
                "applicantName",
                name,
                "bodyKind",
                "MUNICIPALITY",
                "ags",
                "06611000",
                "address",
                Map.of("street", "Markt 1", "postalCode", "34117", "city", "Beispielburg"),
                "inhabitants",
                12_000,
                "leitwegId",
                "991-33333TEST-33",
                "contactPersons",
                List.of(Map.of("name", "Erika Mustermann", "email", "it@example.org")),
                "requestedShares",
                10,
                "statutesVersion",
                "2026-01",
                "paymentObligationAcknowledged",
                true);
    }

    /** The ids of {@code count} new applications; fails on the first application the service refuses. */
    static List<String> submit(String baseUrl, String prefix, int count) {
        var began = System.nanoTime();
        var latencies = new long[count];
        var pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            var futures = new ArrayList<Future<String>>();
            for (int i = 0; i < count; i++) {
                var n = i;
                futures.add(pool.submit(() -> submitOne(baseUrl, prefix + " " + n, latencies, n)));
            }
            var ids = new ArrayList<String>();
            for (var future : futures) {
                ids.add(future.get());
            }
            if (count > 0) {
                var seconds = (System.nanoTime() - began) / 1e9;
                var client = Latencies.of(latencies);
                System.out.printf(
                        "  prepared %d applications in %.1f s (%.0f/s, %d clients back to back; client p50 %.1f ms,"
                                + " p99 %.1f ms)%n",
                        count, seconds, count / seconds, CLIENTS, client.p50(), client.p99());
            }
            return ids;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException("preparing applications failed: " + e.getMessage(), e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static String submitOne(String baseUrl, String name, long[] latencies, int n)
            throws IOException, InterruptedException {
        var request = Requests.post(baseUrl, "/api/applications", null, form(name));
        var sent = System.nanoTime();
        var response = Requests.HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        latencies[n] = System.nanoTime() - sent;
        if (response.statusCode() != 201) {
            throw new IllegalStateException("application refused: " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body()).get("applicationId").asText();
    }

    /**
     * Admits {@code count} new members (an application and two board votes each) and returns their member numbers:
     * the preparation of a scenario whose commands need members, such as subscriptions.
     */
    static List<Long> admit(String baseUrl, String prefix, int count) {
        var members = new ArrayList<Long>();
        for (var application : submit(baseUrl, prefix, count)) {
            var path = "/api/applications/" + application + "/votes";
            var vote = Map.of("vote", "APPROVE");
            try {
                for (var board : List.of(DemoLogins.BOARD, DemoLogins.BOARD_2)) {
                    var response = Requests.HTTP.send(
                            Requests.post(baseUrl, path, board, vote), HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException(
                                "vote refused: " + response.statusCode() + " " + response.body());
                    }
                    var memberNumber = JSON.readTree(response.body()).path("memberNumber");
                    if (memberNumber.isNumber()) {
                        members.add(memberNumber.asLong());
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return members;
    }

    /** Applications reach the board's register asynchronously (a tracking processor); waits until they are all in. */
    static void awaitInRegister(String baseUrl, List<String> ids) {
        awaitVisible(baseUrl, ids.stream().map(id -> "/api/applications/" + id).toList());
    }

    /** New members reach the register asynchronously; commands by member number need them there. */
    static void awaitMembers(String baseUrl, List<Long> memberNumbers) {
        awaitVisible(
                baseUrl, memberNumbers.stream().map(n -> "/api/members/" + n).toList());
    }

    private static void awaitVisible(String baseUrl, List<String> paths) {
        var deadline = System.nanoTime() + 60_000_000_000L;
        for (var path : paths) {
            while (true) {
                try {
                    var response = Requests.HTTP.send(
                            Requests.get(baseUrl, path, DemoLogins.BOARD), HttpResponse.BodyHandlers.discarding());
                    if (response.statusCode() == 200) {
                        break;
                    }
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException(path + " not in the register within 60 s");
                    }
                    // the register follows within milliseconds; a short pause keeps this loop from hammering it
                    java.util.concurrent.TimeUnit.MILLISECONDS.sleep(50);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
    }
}
