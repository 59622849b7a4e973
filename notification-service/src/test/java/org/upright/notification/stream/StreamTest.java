package org.upright.notification.stream;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.upright.events.AdviceIssued;
import org.upright.events.EventJson;
import org.upright.events.Severity;
import org.upright.events.Topics;
import org.upright.localinfra.LocalInfraTestResource;
import org.upright.localinfra.TopicWriter;

/** The live stream through the real broker and database, read by a plain SSE client that reconnects. */
@QuarkusTest
@WithTestResource(LocalInfraTestResource.class)
class StreamTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @TestHTTPResource("/")
    URI base;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aClientThatReconnectsWithLastEventIdGetsWhatItMissed() throws Exception {
        String user = "user-" + UUID.randomUUID();
        given().auth().oauth2(LocalInfraTestResource.personToken(user)).contentType(ContentType.JSON)
                .body("{\"quietHours\": {}, \"channels\": [\"stream\"]}")
                .when().put("/api/v1/users/{user}/preferences", user).then().statusCode(200);

        SseClient first = SseClient.connect(base.resolve("/api/v1/users/" + user + "/stream"), user, null);
        AdviceIssued seen = advice(user, "posture-poor");
        publish(seen);
        SseClient.Event event = first.next();
        assertTrue(event.data().contains(seen.adviceId().toString()), event.data());
        assertEquals("nudge", event.name());
        first.close();

        AdviceIssued missed = advice(user, "stress-high");
        publish(missed);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(LocalInfraTestResource.personToken(user))
                .when().get("/api/v1/users/{user}/deliveries", user).then().body("status", hasItem("delivered"))
                .body("findAll { it.status == 'delivered' }.size()", equalTo(2)));

        SseClient again = SseClient.connect(base.resolve("/api/v1/users/" + user + "/stream"), user, event.id());
        SseClient.Event resumed = again.next();
        assertTrue(resumed.data().contains(missed.adviceId().toString()), resumed.data());
        assertTrue(Long.parseLong(resumed.id()) > Long.parseLong(event.id()));
        again.close();
    }

    /**
     * Urgent advice reaches the stream inside quiet hours; a nudge they held back comes when they end,
     * after it, and a client that had seen the urgent one still gets it.
     */
    @Test
    void aNudgeHeldBackByQuietHoursComesAfterWhatWentOutMeanwhile() throws Exception {
        String user = "user-" + UUID.randomUUID();
        LocalTime now = LocalTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        String quiet = "{\"from\": \"%s\", \"to\": \"%s\"}".formatted(now.minusHours(1), now.plusSeconds(8));
        String everyDay = Stream.of(DayOfWeek.values()).map(day -> "\"" + day.name().toLowerCase(Locale.ROOT) + "\": " + quiet)
                .collect(Collectors.joining(", "));
        given().auth().oauth2(LocalInfraTestResource.personToken(user)).contentType(ContentType.JSON)
                .body("{\"timeZone\": \"UTC\", \"quietHours\": {" + everyDay + "}, \"channels\": [\"stream\"]}")
                .when().put("/api/v1/users/{user}/preferences", user).then().statusCode(200);
        SseClient client = SseClient.connect(base.resolve("/api/v1/users/" + user + "/stream"), user, null);

        AdviceIssued heldBack = advice(user, "posture-poor", Severity.WARNING);
        publish(heldBack);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(LocalInfraTestResource.personToken(user))
                .when().get("/api/v1/users/{user}/deliveries", user).then().body("decision", hasItem("delay")));
        AdviceIssued urgent = advice(user, "pain-see-doctor", Severity.URGENT);
        publish(urgent);

        SseClient.Event first = client.next();
        assertTrue(first.data().contains(urgent.adviceId().toString()), first.data());
        SseClient.Event second = client.next();
        assertTrue(second.data().contains(heldBack.adviceId().toString()), second.data());
        assertTrue(Long.parseLong(second.id()) > Long.parseLong(first.id()));
        client.close();

        SseClient resumed = SseClient.connect(base.resolve("/api/v1/users/" + user + "/stream"), user, first.id());
        assertTrue(resumed.next().data().contains(heldBack.adviceId().toString()));
        resumed.close();
    }

    @Test
    void aQuietStreamSendsKeepAliveComments() throws Exception {
        String user = "user-" + UUID.randomUUID();
        SseClient client = SseClient.connect(base.resolve("/api/v1/users/" + user + "/stream"), user, null);
        String comment = client.comments.poll(10, TimeUnit.SECONDS);
        assertNotNull(comment, "no keep-alive within 10 s");
        assertTrue(comment.contains("keep-alive"), comment);
        client.close();
    }

    @Test
    void anotherPersonsStreamIsRefused() {
        String user = "user-" + UUID.randomUUID();
        given().auth().oauth2(LocalInfraTestResource.personToken("someone-else")).when().get("/api/v1/users/{user}/stream", user)
                .then().statusCode(403);
    }

    /**
     * A browser's EventSource cannot send an Authorization header: the page asks for a ticket with the
     * person's token, opens the stream with it, and resumes with lastEventId in the query.
     */
    @Test
    void aBrowserOpensTheStreamWithATicketAndResumesWithLastEventIdInTheQuery() throws Exception {
        String user = "user-" + UUID.randomUUID();
        given().auth().oauth2(LocalInfraTestResource.personToken(user)).contentType(ContentType.JSON)
                .body("{\"quietHours\": {}, \"channels\": [\"stream\"]}")
                .when().put("/api/v1/users/{user}/preferences", user).then().statusCode(200);
        String ticket = ticketFor(user);

        SseClient first = SseClient.open(base.resolve("/api/v1/users/" + user + "/stream?ticket=" + ticket));
        AdviceIssued seen = advice(user, "posture-poor");
        publish(seen);
        SseClient.Event event = first.next();
        assertTrue(event.data().contains(seen.adviceId().toString()), event.data());
        first.close();

        AdviceIssued missed = advice(user, "stress-high");
        publish(missed);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(LocalInfraTestResource.personToken(user))
                .when().get("/api/v1/users/{user}/deliveries", user).then()
                .body("findAll { it.status == 'delivered' }.size()", equalTo(2)));
        SseClient again = SseClient.open(base.resolve("/api/v1/users/" + user + "/stream?ticket=" + ticket + "&lastEventId=" + event.id()));
        assertTrue(again.next().data().contains(missed.adviceId().toString()));
        again.close();
    }

    @Test
    void aTicketOpensOnlyItsPersonsStreamAndOnlyWhileItLasts() throws Exception {
        String user = "user-" + UUID.randomUUID();
        String ticket = ticketFor(user);

        given().when().get("/api/v1/users/{user}/stream?ticket={ticket}", "someone-else", ticket).then().statusCode(403);
        given().when().get("/api/v1/users/{user}/stream?ticket={ticket}", user, "upr_st_" + "A".repeat(43)).then().statusCode(401)
                .contentType("application/problem+json").body("detail", containsString("ticket"));
        given().when().get("/api/v1/users/{user}/stream", user).then().statusCode(401);
        given().auth().oauth2(LocalInfraTestResource.personToken("someone-else")).contentType(ContentType.JSON)
                .when().post("/api/v1/users/{user}/stream/tickets", user).then().statusCode(403);

        try (Connection connection = dataSource.getConnection();
             PreparedStatement expire = connection.prepareStatement("update stream_ticket set expires_at = now() - interval '1 second'"
                     + " where user_id = ?")) {
            expire.setString(1, user);
            assertEquals(1, expire.executeUpdate());
        }
        given().when().get("/api/v1/users/{user}/stream?ticket={ticket}", user, ticket).then().statusCode(401);
    }

    @Test
    void aPageOnAnAllowedOriginMayCallTheApi() {
        given().header("Origin", "https://app.upright.example").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .when().options("/api/v1/users/{user}/stream/tickets", "someone")
                .then().header("Access-Control-Allow-Origin", equalTo("https://app.upright.example"));
        given().header("Origin", "https://elsewhere.example").header("Access-Control-Request-Method", "POST")
                .when().options("/api/v1/users/{user}/stream/tickets", "someone")
                .then().header("Access-Control-Allow-Origin", nullValue());
    }

    private static String ticketFor(String user) {
        ExtractableResponse<Response> issued = given().auth().oauth2(LocalInfraTestResource.personToken(user))
                .when().post("/api/v1/users/{user}/stream/tickets", user)
                .then().statusCode(201).extract();
        String ticket = issued.path("ticket");
        assertTrue(ticket.startsWith("upr_st_"), ticket);
        assertEquals("/api/v1/users/" + user + "/stream?ticket=" + ticket, issued.path("streamUrl"));
        assertTrue(Instant.parse(issued.path("expiresAt")).isAfter(Instant.now().plus(Duration.ofMinutes(9))));
        return ticket;
    }

    private static void publish(AdviceIssued advice) {
        TopicWriter.write(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class), Topics.ADVICE_ISSUED,
                advice.userId(), EventJson.write(advice), Map.of("ce_id", advice.adviceId().toString()));
    }

    private static AdviceIssued advice(String user, String rule) {
        return advice(user, rule, Severity.WARNING);
    }

    private static AdviceIssued advice(String user, String rule, Severity severity) {
        return new AdviceIssued(UUID.randomUUID(), user, rule, severity, "a message", 40, 30, "%",
                new AdviceIssued.Source("Causes and treatment of lower back spasms (Medical News Today, 2018)", "Causes", "a point"),
                "2026-W48", Instant.now());
    }

    /** A minimal Server-Sent Events reader: id, event name and data of each event, as they come. */
    private static final class SseClient implements AutoCloseable {

        record Event(String id, String name, String data) {
        }

        private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        final BlockingQueue<String> comments = new LinkedBlockingQueue<>();
        private final Stream<String> lines;

        private SseClient(Stream<String> lines) {
            this.lines = lines;
            Thread reader = new Thread(this::read, "sse-test-client");
            reader.setDaemon(true);
            reader.start();
        }

        /** As a browser's EventSource opens a stream: no Authorization header, whatever the URL holds. */
        static SseClient open(URI uri) throws Exception {
            HttpResponse<Stream<String>> response = CLIENT.send(HttpRequest.newBuilder(uri).header("Accept", "text/event-stream")
                    .header("Origin", "https://app.upright.example").build(), HttpResponse.BodyHandlers.ofLines());
            assertEquals(200, response.statusCode());
            assertEquals("https://app.upright.example", response.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
            return new SseClient(response.body());
        }

        static SseClient connect(URI uri, String user, String lastEventId) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                    .header("Authorization", "Bearer " + LocalInfraTestResource.personToken(user))
                    .header("Accept", "text/event-stream");
            if (lastEventId != null) {
                request.header("Last-Event-ID", lastEventId);
            }
            HttpResponse<Stream<String>> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofLines());
            assertEquals(200, response.statusCode());
            return new SseClient(response.body());
        }

        private void read() {
            String[] current = new String[3];
            try {
                lines.forEach(line -> {
                    if (line.isEmpty()) {
                        if (current[2] != null) {
                            events.add(new Event(current[0], current[1], current[2]));
                        }
                        current[0] = current[1] = current[2] = null;
                    } else if (line.startsWith(":")) {
                        comments.add(line);
                    } else if (line.startsWith("id:")) {
                        current[0] = line.substring(3).trim();
                    } else if (line.startsWith("event:")) {
                        current[1] = line.substring(6).trim();
                    } else if (line.startsWith("data:")) {
                        current[2] = (current[2] == null ? "" : current[2]) + line.substring(5).trim();
                    }
                });
            } catch (RuntimeException e) {
                // closed
            }
        }

        Event next() throws InterruptedException {
            Event event = events.poll(30, TimeUnit.SECONDS);
            assertNotNull(event, "no event within 30 s");
            return event;
        }

        @Override
        public void close() {
            lines.close();
        }
    }
}
