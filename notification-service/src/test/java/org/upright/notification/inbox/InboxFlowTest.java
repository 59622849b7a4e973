package org.upright.notification.inbox;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.upright.events.AdviceIssued;
import org.upright.events.EventJson;
import org.upright.events.Severity;
import org.upright.events.Topics;
import org.upright.localinfra.LocalInfraTestResource;
import org.upright.localinfra.TopicReader;
import org.upright.localinfra.TopicWriter;

/** advice-issued in, the person's inbox out, through the real broker and database. */
@QuarkusTest
@WithTestResource(LocalInfraTestResource.class)
class InboxFlowTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void adviceLandsInItsPersonsInboxWithItsWhy() {
        String user = newUser();
        AdviceIssued advice = advice(user, Instant.parse("2026-11-24T08:00:00Z"));
        publish(advice);

        await().atMost(PATIENCE).untilAsserted(() -> as(user).when().get("/api/v1/users/{user}/notifications", user)
                .then().statusCode(200)
                .body("", hasSize(1))
                .body("[0].adviceId", equalTo(advice.adviceId().toString()))
                .body("[0].ruleId", equalTo("cdc-aerobic"))
                .body("[0].message", equalTo(advice.message()))
                .body("[0].source.point", equalTo(advice.source().point()))
                .body("[0].read", equalTo(false)));
        String stranger = newUser();
        as(stranger).when().get("/api/v1/users/{user}/notifications", stranger).then().statusCode(200).body("", hasSize(0));
        as(stranger).when().get("/api/v1/users/{user}/notifications", user).then().statusCode(403)
                .contentType("application/problem+json");
        given().when().get("/api/v1/users/{user}/notifications", user).then().statusCode(401);
    }

    @Test
    void redeliveredAdviceLandsOnce() {
        String user = newUser();
        AdviceIssued advice = advice(user, Instant.parse("2026-11-24T08:00:00Z"));
        AdviceIssued later = advice(user, Instant.parse("2026-11-24T09:00:00Z"));
        publish(advice);
        publish(advice);
        publish(later);

        await().atMost(PATIENCE).untilAsserted(() -> as(user).when().get("/api/v1/users/{user}/notifications", user)
                .then().statusCode(200)
                .body("adviceId", hasItems(later.adviceId().toString())));
        as(user).when().get("/api/v1/users/{user}/notifications", user)
                .then().body("adviceId", equalTo(List.of(later.adviceId().toString(), advice.adviceId().toString())));
    }

    @Test
    void unreadableAdviceIsDeadLetteredAndConsumptionGoesOn() {
        String user = newUser();
        TopicWriter.write(bootstrapServers, Topics.ADVICE_ISSUED, user, "{\"adviceId\": 12}", Map.of());
        AdviceIssued advice = advice(user, Instant.parse("2026-11-24T08:00:00Z"));
        publish(advice);

        await().atMost(PATIENCE).untilAsserted(() -> as(user).when().get("/api/v1/users/{user}/notifications", user)
                .then().body("", hasSize(1)));
        List<ConsumerRecord<String, String>> dead = TopicReader.read(bootstrapServers, Topics.ADVICE_ISSUED_DEAD_LETTER,
                record -> user.equals(record.key()), 1, PATIENCE);
        assertEquals(1, dead.size());
        assertNotNull(dead.get(0).headers().lastHeader("dead-letter-reason"));
        assertEquals("notification-service", TopicReader.header(dead.get(0), "dead-letter-consumer"));
    }

    @Test
    void theInboxPagesFiltersUnreadAndMarksRead() {
        String user = newUser();
        AdviceIssued first = advice(user, Instant.parse("2026-11-24T08:00:00Z"));
        AdviceIssued second = advice(user, Instant.parse("2026-11-24T09:00:00Z"));
        AdviceIssued third = advice(user, Instant.parse("2026-11-24T10:00:00Z"));
        publish(first);
        publish(second);
        publish(third);
        await().atMost(PATIENCE).untilAsserted(() -> as(user).when().get("/api/v1/users/{user}/notifications", user)
                .then().body("", hasSize(3)));

        as(user).queryParam("limit", 2).when().get("/api/v1/users/{user}/notifications", user)
                .then().body("adviceId", equalTo(List.of(third.adviceId().toString(), second.adviceId().toString())));
        as(user).queryParam("before", "2026-11-24T09:00:00Z").when().get("/api/v1/users/{user}/notifications", user)
                .then().body("adviceId", equalTo(List.of(first.adviceId().toString())));

        as(user).when().post("/api/v1/users/{user}/notifications/{id}/read", user, second.adviceId()).then().statusCode(204);
        as(user).when().post("/api/v1/users/{user}/notifications/{id}/read", user, second.adviceId()).then().statusCode(204);
        as(user).queryParam("unread", true).when().get("/api/v1/users/{user}/notifications", user)
                .then().body("adviceId", equalTo(List.of(third.adviceId().toString(), first.adviceId().toString())));
        as(user).when().post("/api/v1/users/{user}/notifications/{id}/read", user, UUID.randomUUID()).then().statusCode(404);
        String other = newUser();
        as(other).when().post("/api/v1/users/{user}/notifications/{id}/read", other, first.adviceId()).then().statusCode(404);
    }

    /** A badge counts the unread; "mark all read" marks what the person saw, not what arrived after they looked. */
    @Test
    void theUnreadAreCountedAndMarkedReadUpToWhatThePersonSaw() {
        String user = newUser();
        AdviceIssued first = advice(user, Instant.parse("2026-11-24T08:00:00Z"));
        AdviceIssued second = advice(user, Instant.parse("2026-11-24T09:00:00Z"));
        AdviceIssued arrivedLater = advice(user, Instant.parse("2026-11-24T10:00:00Z"));
        List.of(first, second, arrivedLater).forEach(this::publish);
        await().atMost(PATIENCE).untilAsserted(() -> as(user).when().get("/api/v1/users/{user}/notifications/unread-count", user)
                .then().statusCode(200).body("unread", equalTo(3)));
        as(user).when().post("/api/v1/users/{user}/notifications/{id}/read", user, first.adviceId()).then().statusCode(204);

        as(user).queryParam("issuedUpTo", "2026-11-24T09:00:00Z").when().post("/api/v1/users/{user}/notifications/read", user)
                .then().statusCode(200).body("marked", equalTo(1));
        as(user).queryParam("unread", true).when().get("/api/v1/users/{user}/notifications", user)
                .then().body("adviceId", equalTo(List.of(arrivedLater.adviceId().toString())));
        as(user).when().get("/api/v1/users/{user}/notifications/unread-count", user).then().body("unread", equalTo(1));

        as(user).when().post("/api/v1/users/{user}/notifications/read", user).then().statusCode(200).body("marked", equalTo(1));
        as(user).when().get("/api/v1/users/{user}/notifications/unread-count", user).then().body("unread", equalTo(0));
        as(user).queryParam("issuedUpTo", "yesterday").when().post("/api/v1/users/{user}/notifications/read", user)
                .then().statusCode(400).body("errors[0].field", equalTo("issuedUpTo"));
        as(newUser()).when().get("/api/v1/users/{user}/notifications/unread-count", user).then().statusCode(403);
    }

    /** Advice issued together shares its issuedAt; a page may end inside such a group, and the next must go on from there. */
    @Test
    void pagingOneAtATimeThroughAdviceIssuedTogetherMissesNoneAndRepeatsNone() {
        String user = newUser();
        Instant together = Instant.parse("2026-11-24T08:00:00Z");
        List<AdviceIssued> all = List.of(advice(user, together), advice(user, together), advice(user, together),
                advice(user, together.minusSeconds(60)));
        all.forEach(this::publish);
        await().atMost(PATIENCE).untilAsserted(() -> as(user).when().get("/api/v1/users/{user}/notifications", user)
                .then().body("", hasSize(all.size())));

        List<String> paged = new ArrayList<>();
        Map<String, Object> cursor = Map.of();
        for (int page = 0; page <= all.size(); page++) {
            List<Map<String, Object>> items = as(user).queryParams(cursor).queryParam("limit", 1)
                    .when().get("/api/v1/users/{user}/notifications", user).then().statusCode(200).extract().path("");
            if (items.isEmpty()) {
                break;
            }
            paged.add((String) items.get(0).get("adviceId"));
            cursor = Map.of("before", items.get(0).get("issuedAt"), "beforeId", items.get(0).get("adviceId"));
        }

        assertEquals(all.stream().map(advice -> advice.adviceId().toString()).sorted().toList(), paged.stream().sorted().toList());
    }

    @Test
    void badPagingOrFilterIsAProblemNamingIt() {
        String user = newUser();
        as(user).queryParam("limit", 0).when().get("/api/v1/users/{user}/notifications", user)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("limit"));
        as(user).queryParam("unread", "maybe").when().get("/api/v1/users/{user}/notifications", user)
                .then().statusCode(400).body("errors.field", hasItems("unread"));
        as(user).queryParam("beforeId", UUID.randomUUID()).when().get("/api/v1/users/{user}/notifications", user)
                .then().statusCode(400).body("errors.field", hasItems("beforeId"));
    }

    @Test
    void readinessCoversKafkaAndTheDatabase() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Kafka connection health check", "Database connections health check"));
    }

    private void publish(AdviceIssued advice) {
        TopicWriter.write(bootstrapServers, Topics.ADVICE_ISSUED, advice.userId(), EventJson.write(advice),
                Map.of("ce_id", advice.adviceId().toString(), "ce_type", "org.upright.advice.issued.v1",
                        "ce_source", "/test", "ce_specversion", "1.0", "ce_subject", advice.userId()));
    }

    private static AdviceIssued advice(String user, Instant issuedAt) {
        return new AdviceIssued(UUID.randomUUID(), user, "cdc-aerobic", Severity.INFO,
                "So far this week: 40 of the 150 moderate-intensity minutes the CDC recommends.", 40, 150, "min/wk",
                new AdviceIssued.Source("Physical Activity Guidelines for Americans, 2nd edition (HHS/CDC, 2018)",
                        "Key Guidelines for Adults", "150 minutes of moderate or 75 of vigorous aerobic activity a week"),
                "2026-W48", issuedAt);
    }

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(LocalInfraTestResource.personToken(user));
    }

    private static String newUser() {
        return "user-" + UUID.randomUUID();
    }
}
