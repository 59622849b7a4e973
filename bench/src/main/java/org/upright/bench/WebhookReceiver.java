package org.upright.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A webhook receiver such as an app would run, noting when each nudge arrived: nudges are told apart
 * by the person (the endpoint's path) and the period the advice concerns, which is the bout's. It
 * answers on the benchmark's event loop ({@link BenchHttp}), without the JDK server's dispatcher
 * thread and pool (see {@link HttpLoad}'s client).
 */
final class WebhookReceiver implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PATH = "/hooks/";

    private final HttpServer server;
    private final String ruleId;
    private final Map<String, Long> arrivedAt = new ConcurrentHashMap<>();
    private final AtomicLong others = new AtomicLong();
    private volatile Consumer<String> arrivals = key -> {
    };

    private WebhookReceiver(String ruleId) throws IOException {
        this.ruleId = ruleId;
        try {
            server = BenchHttp.vertx().createHttpServer().requestHandler(this::receive)
                    .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IOException("the webhook receiver could not listen", e);
        }
    }

    /** Notes the nudges of one rule; others are answered too, and only counted. */
    static WebhookReceiver start(String ruleId) throws IOException {
        return new WebhookReceiver(ruleId);
    }

    URI endpointOf(String person) {
        return URI.create("http://127.0.0.1:" + server.actualPort() + PATH + person);
    }

    static String key(String person, String period) {
        return person + " " + period;
    }

    /** Hears the key of each nudge the first time it arrives. */
    void onArrival(Consumer<String> listener) {
        arrivals = listener;
    }

    /** System.nanoTime() when the nudge for this key arrived, or null. */
    Long arrivedAt(String key) {
        return arrivedAt.get(key);
    }

    int arrived() {
        return arrivedAt.size();
    }

    long others() {
        return others.get();
    }

    private void receive(HttpServerRequest request) {
        long now = System.nanoTime();
        if (!request.path().startsWith(PATH)) {
            request.response().setStatusCode(404).end();
            return;
        }
        String person = request.path().substring(PATH.length());
        request.body().onSuccess(body -> {
            note(person, body, now);
            request.response().setStatusCode(204).end();
        }).onFailure(failure -> request.response().setStatusCode(400).end());
    }

    private void note(String person, Buffer body, long now) {
        JsonNode data;
        try {
            data = JSON.readTree(body.getBytes()).path("data");
        } catch (IOException e) {
            others.incrementAndGet();
            return;
        }
        if (ruleId.equals(data.path("ruleId").asText())) {
            String key = key(person, data.path("period").asText());
            if (arrivedAt.putIfAbsent(key, now) == null) {
                arrivals.accept(key);
            }
        } else {
            others.incrementAndGet();
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
