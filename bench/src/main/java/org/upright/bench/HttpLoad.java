package org.upright.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/** HTTP load on one endpoint: closed loop for the most it takes, open model (fixed arrival rate) for latency. */
final class HttpLoad {

    /** One request's body, with the bearer token it is sent with (the load's own when null). */
    record Request(String body, String bearerToken) {
    }

    /** Far more than the open model's rates keep busy at a time (rate × latency: tens at most). */
    private static final int OPEN_MODEL_CONNECTIONS = 128;

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final URI uri;
    private final String bearerToken;
    private final int expectedStatus;
    private volatile String firstFailure;

    HttpLoad(URI uri, String bearerToken, int expectedStatus) {
        this.uri = uri;
        this.bearerToken = bearerToken;
        this.expectedStatus = expectedStatus;
    }

    /** Each of {@code connections} workers posts the next body as soon as its last one was answered. */
    double closedLoopRequestsPerSecond(List<String> bodies, int connections) throws InterruptedException {
        return closedLoopRequestsPerSecond(requests(bodies), connections, () -> {
        }, accepted -> {
        });
    }

    /**
     * The same with a token per request; each worker runs {@code beforeEach} before it sends (which
     * may hold it back), and {@code onAccepted} hears the index of each request answered as expected.
     */
    double closedLoopRequestsPerSecond(List<Request> bodies, int connections, Runnable beforeEach, IntConsumer onAccepted)
            throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicLong failures = new AtomicLong();
        Thread[] workers = new Thread[connections];
        long started = System.nanoTime();
        for (int w = 0; w < connections; w++) {
            workers[w] = new Thread(() -> {
                for (int i = next.getAndIncrement(); i < bodies.size(); i = next.getAndIncrement()) {
                    try {
                        beforeEach.run();
                        int status = client.send(request(bodies.get(i)), HttpResponse.BodyHandlers.discarding()).statusCode();
                        if (status == expectedStatus) {
                            onAccepted.accept(i);
                        } else {
                            failed(failures, "status " + status);
                        }
                    } catch (Exception e) {
                        failed(failures, e.toString());
                    }
                }
            });
            workers[w].start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        check(failures.get(), bodies.size());
        return bodies.size() / seconds;
    }

    /**
     * Sends at a fixed rate whatever the answers do, and measures each latency from when the
     * request was due, so a stall shows in the percentiles instead of slowing the load down
     * (no coordinated omission).
     */
    Histogram openModel(List<String> bodies, double requestsPerSecond) throws InterruptedException {
        return openModel(requests(bodies), requestsPerSecond, accepted -> {
        });
    }

    /**
     * The same with a token per request; {@code onAccepted} hears the index of each request answered as expected, when it is.
     * Requests go out on at most {@link #OPEN_MODEL_CONNECTIONS} connections, each sent and answered in turn: one
     * due while all are busy waits, and its wait counts. (Sending each request asynchronously instead
     * made the JDK's client spend about a millisecond of CPU per request once answers took 20 ms,
     * and the load generator, not the service, became what was measured.)
     */
    Histogram openModel(List<Request> bodies, double requestsPerSecond, IntConsumer onAccepted) throws InterruptedException {
        Recorder recorder = new Recorder(3);
        AtomicLong failures = new AtomicLong();
        ExecutorService connections = Executors.newFixedThreadPool(OPEN_MODEL_CONNECTIONS);
        long intervalNanos = (long) (1e9 / requestsPerSecond);
        long start = System.nanoTime() + 100_000_000L;
        try {
            for (int i = 0; i < bodies.size(); i++) {
                long due = start + i * intervalNanos;
                int index = i;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                connections.execute(() -> {
                    String failure;
                    try {
                        int status = client.send(request(bodies.get(index)), HttpResponse.BodyHandlers.discarding()).statusCode();
                        failure = status == expectedStatus ? null : "status " + status;
                    } catch (Exception e) {
                        failure = e.toString();
                    }
                    recorder.recordValue(Math.max(1, (System.nanoTime() - due) / 1000));
                    if (failure == null) {
                        onAccepted.accept(index);
                    } else {
                        failed(failures, failure);
                    }
                });
            }
        } finally {
            connections.shutdown();
            connections.awaitTermination(5, TimeUnit.MINUTES);
        }
        check(failures.get(), bodies.size());
        return recorder.getIntervalHistogram();
    }

    private static List<Request> requests(List<String> bodies) {
        return bodies.stream().map(body -> new Request(body, null)).toList();
    }

    private HttpRequest request(Request request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(request.body()));
        String token = request.bearerToken() != null ? request.bearerToken() : bearerToken;
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder.build();
    }

    /** Counts a failure and keeps the first one's cause for the report. */
    private void failed(AtomicLong failures, String cause) {
        if (failures.getAndIncrement() == 0) {
            firstFailure = cause;
        }
    }

    private void check(long failures, int total) {
        if (failures > 0) {
            throw new IllegalStateException(failures + " of " + total + " requests to " + uri + " did not answer " + expectedStatus
                    + "; the first: " + firstFailure);
        }
    }
}
