package org.upright.bench;

import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
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

    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    private static final long ANSWER_TIMEOUT_SECONDS = 30;

    /**
     * Vert.x's client, each caller waiting for its answer. With the JDK's client (and server, in the
     * webhook receiver) the benchmark's JVM took 1.4 ms of CPU per nudge at 131 events/s, on the cores
     * the services use; with Vert.x's, 1.1.
     */
    private final HttpClient client = BenchHttp.vertx().createHttpClient(
            new HttpClientOptions().setConnectTimeout(CONNECT_TIMEOUT_MILLIS).setKeepAlive(true),
            new PoolOptions().setHttp1MaxSize(OPEN_MODEL_CONNECTIONS));
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
                        int status = send(bodies.get(i));
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
                        int status = send(bodies.get(index));
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

    /** Posts the request and waits for its answer, read whole: the status. */
    private int send(Request request) throws Exception {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(uri.toString())
                .putHeader("Content-Type", "application/json");
        String token = request.bearerToken() != null ? request.bearerToken() : bearerToken;
        if (token != null) {
            options.putHeader("Authorization", "Bearer " + token);
        }
        return client.request(options)
                .compose(sending -> sending.send(request.body()))
                .compose(answer -> answer.body().map(body -> answer.statusCode()))
                .toCompletionStage().toCompletableFuture().get(ANSWER_TIMEOUT_SECONDS, TimeUnit.SECONDS);
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
