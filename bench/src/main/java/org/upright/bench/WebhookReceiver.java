package org.upright.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A webhook receiver such as an app would run, noting when each nudge arrived: nudges are told apart
 * by the person (the endpoint's path) and the period the advice concerns, which is the bout's.
 */
final class WebhookReceiver implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private final String ruleId;
    private final Map<String, Long> arrivedAt = new ConcurrentHashMap<>();
    private final AtomicLong others = new AtomicLong();
    private volatile Consumer<String> arrivals = key -> {
    };

    private WebhookReceiver(String ruleId) throws IOException {
        this.ruleId = ruleId;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        server.createContext("/hooks/", this::receive);
        server.setExecutor(threads);
        server.start();
    }

    /** Notes the nudges of one rule; others are answered too, and only counted. */
    static WebhookReceiver start(String ruleId) throws IOException {
        return new WebhookReceiver(ruleId);
    }

    URI endpointOf(String person) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/" + person);
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

    private void receive(HttpExchange exchange) throws IOException {
        long now = System.nanoTime();
        try (InputStream body = exchange.getRequestBody()) {
            JsonNode data = JSON.readTree(body).path("data");
            String person = exchange.getRequestURI().getPath().substring("/hooks/".length());
            if (ruleId.equals(data.path("ruleId").asText())) {
                String key = key(person, data.path("period").asText());
                if (arrivedAt.putIfAbsent(key, now) == null) {
                    arrivals.accept(key);
                }
            } else {
                others.incrementAndGet();
            }
        }
        exchange.sendResponseHeaders(204, -1);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
