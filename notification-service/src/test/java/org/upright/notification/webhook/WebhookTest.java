package org.upright.notification.webhook;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.upright.events.AdviceIssued;
import org.upright.events.EventJson;
import org.upright.events.Severity;
import org.upright.events.Topics;
import org.upright.localinfra.LocalInfraTestResource;
import org.upright.localinfra.TopicWriter;
import org.upright.notification.delivery.DeliveriesDue;
import org.upright.notification.policy.Channel;

/** Webhooks to a real HTTP receiver that verifies each signature and fails on purpose for a while. */
@QuarkusTest
@WithTestResource(LocalInfraTestResource.class)
class WebhookTest {

    @Inject
    Event<DeliveriesDue> due;

    /** What a receiver gets: the headers it checks and the body they sign. */
    record Received(String id, String timestamp, String signature, String userAgent, String body) {
    }

    @Test
    void aSignedNudgeIsRetriedWithTheSameIdUntilTheReceiverTakesIt() throws Exception {
        List<Received> received = new CopyOnWriteArrayList<>();
        AtomicInteger failuresLeft = new AtomicInteger(2);
        HttpServer receiver = receiver(received, () -> failuresLeft.getAndDecrement() > 0 ? 503 : 204);
        try {
            String user = "user-" + UUID.randomUUID();
            as(user).contentType(ContentType.JSON).body("{\"quietHours\": {}, \"channels\": [\"webhook\"]}")
                    .when().put("/api/v1/users/{user}/preferences", user).then().statusCode(200);
            String secret = as(user).contentType(ContentType.JSON)
                    .body("{\"url\": \"http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook\"}")
                    .when().post("/api/v1/users/{user}/webhooks", user)
                    .then().statusCode(201).body("secret", startsWith("whsec_")).extract().path("secret");
            as(user).when().get("/api/v1/users/{user}/webhooks", user).then().body("[0].secret", equalTo(null))
                    .body("[0].url", notNullValue());

            AdviceIssued advice = advice(user);
            publish(advice);

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(user).when().get("/api/v1/users/{user}/deliveries", user)
                    .then().body("[0].status", equalTo("delivered")).body("[0].attempts", equalTo(3)));
            assertEquals(3, received.size());
            assertEquals(1, received.stream().map(Received::id).distinct().count(), "one webhook-id across retries");
            for (Received one : received) {
                assertTrue(verify(secret, one), "signature of " + one);
                assertTrue(one.body().contains(advice.adviceId().toString()), one.body());
                assertTrue(one.userAgent().startsWith("Upright-Webhooks/"), one.userAgent());
            }
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void aMessageBeingSentHoldsNoLockAndHasItsAttemptCountedAlready() throws Exception {
        List<Received> received = new CopyOnWriteArrayList<>();
        CountDownLatch answer = new CountDownLatch(1);
        HttpServer receiver = receiver(received, () -> answeredOnceReleased(answer, 204));
        try {
            String user = personWithEndpointAt(receiver);
            publish(advice(user));
            await().atMost(Duration.ofSeconds(30)).until(() -> received.size() == 1);

            // while the receiver keeps the sender waiting, the row is free for anyone and says it is being tried
            Object[] message = QuarkusTransaction.requiringNew().call(() -> (Object[]) Panache.getEntityManager().createNativeQuery(
                            "select m.attempts, m.next_attempt_at > now() from {h-schema}webhook_message m join {h-schema}delivery d"
                                    + " on d.id = m.delivery_id where d.user_id = ?1 for update of m nowait")
                    .setParameter(1, user).getSingleResult());
            assertEquals(1, ((Number) message[0]).intValue(), "attempts while the first is under way");
            assertEquals(Boolean.TRUE, message[1], "not due again while it is being sent");

            answer.countDown();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(user).when().get("/api/v1/users/{user}/deliveries", user)
                    .then().body("[0].status", equalTo("delivered")).body("[0].attempts", equalTo(1)));
            assertEquals(1, received.size());
        } finally {
            answer.countDown();
            receiver.stop(0);
        }
    }

    @Test
    void aMessageTakenByASenderThatDiedIsSentAgainWithTheSameIdOnceItsLeaseRunsOut() throws Exception {
        List<Received> received = new CopyOnWriteArrayList<>();
        List<Instant> arrivals = new CopyOnWriteArrayList<>();
        HttpServer receiver = receiver(received, () -> {
            arrivals.add(Instant.now());
            return 204;
        });
        try {
            String user = personWithEndpointAt(receiver);
            publish(advice(user));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(user).when().get("/api/v1/users/{user}/deliveries", user)
                    .then().body("[0].status", equalTo("delivered")).body("[0].attempts", equalTo(1)));

            // what a sender leaves when it dies after taking the message: its attempt counted, a lease ending soon
            Instant leaseEnds = Instant.now().plusSeconds(2);
            QuarkusTransaction.requiringNew().run(() -> {
                Panache.getEntityManager().createNativeQuery("update {h-schema}webhook_message set status = 'pending', attempts = 1,"
                                + " next_attempt_at = ?2 where delivery_id = (select id from {h-schema}delivery where user_id = ?1)")
                        .setParameter(1, user).setParameter(2, Timestamp.from(leaseEnds)).executeUpdate();
                Panache.getEntityManager().createNativeQuery("update {h-schema}delivery set status = 'sending' where user_id = ?1")
                        .setParameter(1, user).executeUpdate();
            });
            due.fire(new DeliveriesDue(EnumSet.of(Channel.WEBHOOK)));

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(user).when().get("/api/v1/users/{user}/deliveries", user)
                    .then().body("[0].status", equalTo("delivered")).body("[0].attempts", equalTo(2)));
            assertEquals(2, received.size());
            assertEquals(received.get(0).id(), received.get(1).id(), "the same webhook-id");
            assertFalse(arrivals.get(1).isBefore(leaseEnds), "sent again at " + arrivals.get(1) + ", the lease ended at " + leaseEnds);
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void aMessageOutOfAttemptsIsADeadLetterThatItsPersonCanHaveRedelivered() throws Exception {
        List<Received> received = new CopyOnWriteArrayList<>();
        AtomicInteger status = new AtomicInteger(500);
        HttpServer receiver = receiver(received, status::get);
        try {
            String user = personWithEndpointAt(receiver);
            AdviceIssued advice = advice(user);
            publish(advice);

            // the test profile allows 3 attempts
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(user).when().get("/api/v1/users/{user}/deliveries", user)
                    .then().body("[0].status", equalTo("failed")).body("[0].attempts", equalTo(3))
                    .body("[0].detail", startsWith("failed after 3 attempts: HTTP 500")));
            assertEquals(3, received.size());
            given().when().get("/q/metrics").then().body(containsString("upright_deliveries_dead_letters_total{channel=\"webhook\""));

            status.set(204);
            as(user).when().post("/api/v1/users/{user}/deliveries/{advice}/webhook/redeliver", user, advice.adviceId())
                    .then().statusCode(200).body("status", equalTo("sending"));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(user).when().get("/api/v1/users/{user}/deliveries", user)
                    .then().body("[0].status", equalTo("delivered")).body("[0].attempts", equalTo(1)));
            assertEquals(4, received.size());
            assertEquals(1, received.stream().map(Received::id).distinct().count(), "the redelivered message keeps its webhook-id");

            as(user).when().post("/api/v1/users/{user}/deliveries/{advice}/webhook/redeliver", user, advice.adviceId())
                    .then().statusCode(409).contentType("application/problem+json");
            as(user).when().post("/api/v1/users/{user}/deliveries/{advice}/webhook/redeliver", user, UUID.randomUUID())
                    .then().statusCode(404).contentType("application/problem+json");
            as(user).when().post("/api/v1/users/{user}/deliveries/{advice}/sms/redeliver", user, advice.adviceId())
                    .then().statusCode(400).body("errors.field", hasItems("channel"));
            as("someone-else").when().post("/api/v1/users/{user}/deliveries/{advice}/webhook/redeliver", user, advice.adviceId())
                    .then().statusCode(403);
            assertEquals(4, received.size(), "refused requests send nothing");
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void aNudgePushedNowIsTakenForItsFirstAttemptInTheCommitThatDecidedIt() throws Exception {
        CountDownLatch answer = new CountDownLatch(1);
        HttpServer receiver = receiver(new CopyOnWriteArrayList<>(), () -> answeredOnceReleased(answer, 204));
        try {
            String user = personWithEndpointAt(receiver);
            AdviceIssued advice = advice(user);
            publish(advice);

            // one snapshot: once the advice is in the inbox, its delivery is sending, and its message is
            // taken for its first attempt under a lease: attempts, and whether the lease is still running
            String sql = "select (select count(*) from {h-schema}notification where advice_id = ?1),"
                    + " (select string_agg(d.status || '/' || coalesce((select string_agg(m.attempts || ':' || (m.next_attempt_at > now()), ',')"
                    + " from {h-schema}webhook_message m where m.delivery_id = d.id), 'no message'), ',')"
                    + " from {h-schema}delivery d where d.advice_id = ?1)";
            Object[] seen = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(1)).until(
                    () -> QuarkusTransaction.requiringNew().call(() -> (Object[]) Panache.getEntityManager().createNativeQuery(sql)
                            .setParameter(1, advice.adviceId()).getSingleResult()),
                    row -> ((Number) row[0]).intValue() == 1);
            assertEquals("sending/1:true", seen[1], "the webhook delivery and its message as the inbox's commit left them");
        } finally {
            answer.countDown();
            receiver.stop(0);
        }
    }

    @Test
    void aPersonWithoutEndpointsHasTheirWebhookDeliverySkipped() {
        String user = "user-" + UUID.randomUUID();
        as(user).contentType(ContentType.JSON).body("{\"quietHours\": {}, \"channels\": [\"webhook\"]}")
                .when().put("/api/v1/users/{user}/preferences", user).then().statusCode(200);

        publish(advice(user));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(user).when().get("/api/v1/users/{user}/deliveries", user)
                .then().body("[0].channel", equalTo("webhook")).body("[0].status", equalTo("skipped"))
                .body("[0].detail", equalTo("no webhook endpoint registered")));
    }

    @Test
    void aDeliveryToTwoEndpointsIsDeliveredOnlyWhenBothAreAndFailsIfEitherRunsOutOfAttempts() throws Exception {
        List<Received> atQuick = new CopyOnWriteArrayList<>();
        List<Received> atHeld = new CopyOnWriteArrayList<>();
        CountDownLatch release = new CountDownLatch(1);
        HttpServer quick = receiver(atQuick, () -> 204);
        HttpServer held = receiver(atHeld, () -> answeredOnceReleased(release, 500));
        try {
            String user = personWithEndpointAt(quick);
            as(user).contentType(ContentType.JSON).body("{\"url\": \"http://127.0.0.1:" + held.getAddress().getPort() + "/hook\"}")
                    .when().post("/api/v1/users/{user}/webhooks", user).then().statusCode(201);
            publish(advice(user));

            await().atMost(Duration.ofSeconds(30)).until(() -> atQuick.size() == 1 && atHeld.size() == 1);
            await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() -> ((Number) Panache
                    .getEntityManager().createNativeQuery("select count(*) from {h-schema}webhook_message m join {h-schema}delivery d"
                            + " on d.id = m.delivery_id where d.user_id = ?1 and m.status = 'delivered'")
                    .setParameter(1, user).getSingleResult()).intValue() == 1));
            as(user).when().get("/api/v1/users/{user}/deliveries", user).then()
                    .body("[0].status", equalTo("sending")).body("[0].attempts", equalTo(1));

            release.countDown();
            // the test profile allows 3 attempts
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(user).when().get("/api/v1/users/{user}/deliveries", user)
                    .then().body("[0].status", equalTo("failed")).body("[0].attempts", equalTo(3))
                    .body("[0].detail", startsWith("failed after 3 attempts: HTTP 500")));
            assertEquals(1, atQuick.size(), "the endpoint that took it is not sent it again");
            assertEquals(3, atHeld.size());
        } finally {
            release.countDown();
            quick.stop(0);
            held.stop(0);
        }
    }

    @Test
    void endpointsMustBeHttpUrls() {
        String user = "user-" + UUID.randomUUID();
        as(user).contentType(ContentType.JSON).body("{\"url\": \"ftp://example.com/hook\"}")
                .when().post("/api/v1/users/{user}/webhooks", user)
                .then().statusCode(400).body("errors.field", hasItems("url"));
        as(user).contentType(ContentType.JSON).body("{}").when().post("/api/v1/users/{user}/webhooks", user).then().statusCode(400);
    }

    /** Two registrations of one address would sign and send every nudge to it twice. */
    @Test
    void anAddressThePersonHasRegisteredAlreadyIsAConflictNamingTheEndpoint() {
        String user = "user-" + UUID.randomUUID();
        String first = as(user).contentType(ContentType.JSON).body("{\"url\": \"https://example.com/upright/hook\"}")
                .when().post("/api/v1/users/{user}/webhooks", user)
                .then().statusCode(201).extract().path("id");

        as(user).contentType(ContentType.JSON).body("{\"url\": \"https://example.com/upright/hook\"}")
                .when().post("/api/v1/users/{user}/webhooks", user)
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString(first));
        as(user).when().get("/api/v1/users/{user}/webhooks", user).then().body("size()", equalTo(1));
        String other = "user-" + UUID.randomUUID();
        as(other).contentType(ContentType.JSON).body("{\"url\": \"https://example.com/upright/hook\"}")
                .when().post("/api/v1/users/{user}/webhooks", other)
                .then().statusCode(201);
    }

    @Test
    void registrationsOfOneAddressRacingEachOtherMakeOneEndpointAndConflicts() throws Exception {
        String user = "user-" + UUID.randomUUID();
        int racing = 8;
        ExecutorService clients = Executors.newFixedThreadPool(racing);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < racing; i++) {
                statuses.add(clients.submit(() -> {
                    start.await();
                    return as(user).contentType(ContentType.JSON).body("{\"url\": \"https://example.com/upright/race\"}")
                            .when().post("/api/v1/users/{user}/webhooks", user)
                            .then().extract().statusCode();
                }));
            }
            start.countDown();
            List<Integer> answered = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                answered.add(status.get());
            }
            answered.sort(null);
            List<Integer> expected = new ArrayList<>(List.of(201));
            expected.addAll(Collections.nCopies(racing - 1, 409));
            assertEquals(expected, answered);
        } finally {
            clients.shutdown();
        }
        as(user).when().get("/api/v1/users/{user}/webhooks", user).then().body("size()", equalTo(1));
    }

    @Test
    void loopbackAndPrivateAddressesAreRefusedWhenNotAllowed() {
        assertTrue(EndpointAddresses.problem("http://127.0.0.1:8080/hook", false).isPresent());
        assertTrue(EndpointAddresses.problem("http://10.1.2.3/hook", false).isPresent());
        assertTrue(EndpointAddresses.problem("http://192.168.0.10/hook", false).isPresent());
        assertTrue(EndpointAddresses.problem("http://[::1]/hook", false).isPresent());
        assertTrue(EndpointAddresses.problem("http://169.254.169.254/latest/meta-data", false).isPresent());
        assertTrue(EndpointAddresses.problem("http://93.184.216.34/hook", false).isEmpty());
        assertTrue(EndpointAddresses.problem("http://127.0.0.1:8080/hook", true).isEmpty());
    }

    /** A new person with webhooks on, no quiet hours and an endpoint at the receiver's /hook; returns their id. */
    private static String personWithEndpointAt(HttpServer receiver) {
        String user = "user-" + UUID.randomUUID();
        as(user).contentType(ContentType.JSON).body("{\"quietHours\": {}, \"channels\": [\"webhook\"]}")
                .when().put("/api/v1/users/{user}/preferences", user).then().statusCode(200);
        as(user).contentType(ContentType.JSON).body("{\"url\": \"http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook\"}")
                .when().post("/api/v1/users/{user}/webhooks", user).then().statusCode(201);
        return user;
    }

    /** A receiver's answer, {@code status}, once the test releases it (10 s at most): the sender waits until then. */
    private static int answeredOnceReleased(CountDownLatch release, int status) {
        try {
            release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return status;
    }

    /** A receiver on /hook that notes what it gets and answers with the status {@code answer} gives. */
    private static HttpServer receiver(List<Received> received, IntSupplier answer) throws IOException {
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            received.add(new Received(exchange.getRequestHeaders().getFirst("webhook-id"),
                    exchange.getRequestHeaders().getFirst("webhook-timestamp"), exchange.getRequestHeaders().getFirst("webhook-signature"),
                    exchange.getRequestHeaders().getFirst("User-Agent"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(answer.getAsInt(), -1);
            exchange.close();
        });
        receiver.start();
        return receiver;
    }

    /** What a receiver does (see README): recompute the signature over id.timestamp.body and compare in constant time. */
    private static boolean verify(String secret, Received message) throws Exception {
        if (Math.abs(Instant.now().getEpochSecond() - Long.parseLong(message.timestamp())) > 300) {
            return false;
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        String expected = "v1," + Base64.getEncoder().encodeToString(
                mac.doFinal((message.id() + "." + message.timestamp() + "." + message.body()).getBytes(StandardCharsets.UTF_8)));
        for (String candidate : message.signature().split(" ")) {
            if (MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), candidate.getBytes(StandardCharsets.UTF_8))) {
                return true;
            }
        }
        return false;
    }

    private static void publish(AdviceIssued advice) {
        TopicWriter.write(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class), Topics.ADVICE_ISSUED,
                advice.userId(), EventJson.write(advice), Map.of("ce_id", advice.adviceId().toString()));
    }

    private static AdviceIssued advice(String user) {
        return new AdviceIssued(UUID.randomUUID(), user, "posture-poor", Severity.WARNING, "a message", 40, 30, "%",
                new AdviceIssued.Source("Causes and treatment of lower back spasms (Medical News Today, 2018)", "Causes", "a point"),
                "2026-W48", Instant.now());
    }

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(LocalInfraTestResource.personToken(user));
    }
}
