package org.upright.advice.totals;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import static org.upright.localinfra.TopicReader.header;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.upright.events.ActivityEvent;
import org.upright.events.EventJson;
import org.upright.events.EventType;
import org.upright.events.Intensity;
import org.upright.events.Topics;
import org.upright.localinfra.LocalInfraTestResource;
import org.upright.localinfra.TopicReader;
import org.upright.localinfra.TopicWriter;

/** activity-events in, weekly totals and advice-issued out, through the real broker and database. */
@QuarkusTest
@WithTestResource(LocalInfraTestResource.class)
class ActivityFlowTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void moderateAndVigorousMinutesAddUpWithVigorousCountingDouble() {
        String user = newUser();
        publish(exercise(user, "2026-11-24T07:00:00+01:00", 30, Intensity.MODERATE, null));
        publish(exercise(user, "2026-11-25T07:00:00+01:00", 10, null, 8.0));

        awaitWeek(user, "2026-W48", 50.0)
                .body("moderateMinutes", equalTo(30.0f))
                .body("vigorousMinutes", equalTo(10.0f))
                .body("aerobic.met", equalTo(false))
                .body("aerobic.remainingModerateMinutes", equalTo(100.0f))
                .body("aerobic.remainingVigorousMinutes", equalTo(50.0f));
    }

    @Test
    void duplicateEventIsCountedOnce() {
        String user = newUser();
        ActivityEvent event = exercise(user, "2026-11-24T07:00:00+01:00", 30, Intensity.MODERATE, null);
        publish(event);
        publish(event);
        // a later, distinct event: once it shows, both copies before it on the partition were applied
        publish(exercise(user, "2026-11-24T18:00:00+01:00", 5, Intensity.MODERATE, null));

        awaitWeek(user, "2026-W48", 35.0);
    }

    @Test
    void intervalAcrossTheWeekEndIsSplitInTheEventsTimeZone() {
        String user = newUser();
        // Sunday 23:30 to Monday 00:30 in Berlin: half in week 48, half in week 49.
        publish(new ActivityEvent(UUID.randomUUID(), user, "test", EventType.EXERCISE,
                OffsetDateTime.parse("2026-11-29T22:30:00Z"), OffsetDateTime.parse("2026-11-29T23:30:00Z"),
                "Europe/Berlin", "running", null, null, null, null, null, null, null, null, null, null, null));

        awaitWeek(user, "2026-W48", 60.0).body("vigorousMinutes", equalTo(30.0f));
        awaitWeek(user, "2026-W49", 60.0).body("vigorousMinutes", equalTo(30.0f));
    }

    @Test
    void weekUnderTheTargetIssuesOneAerobicAdviceThroughTheOutbox() throws Exception {
        String user = newUser();
        publish(exercise(user, "2026-11-24T07:00:00+01:00", 40, Intensity.MODERATE, null));
        publish(exercise(user, "2026-11-24T19:00:00+01:00", 20, Intensity.MODERATE, null));
        awaitWeek(user, "2026-W48", 60.0);

        List<ConsumerRecord<String, String>> advice = TopicReader.read(bootstrapServers, Topics.ADVICE_ISSUED,
                record -> user.equals(record.key()), 2, Duration.ofSeconds(5));

        assertEquals(1, advice.size(), "one aerobic advice per person and week");
        ConsumerRecord<String, String> record = advice.get(0);
        JsonNode value = JSON.readTree(record.value());
        assertEquals("cdc-aerobic", value.get("ruleId").asText());
        assertEquals("2026-W48", value.get("period").asText());
        assertEquals(40.0, value.get("figure").asDouble());
        assertEquals(150.0, value.get("target").asDouble());
        assertEquals(value.get("adviceId").asText(), header(record, "ce_id"));
        assertEquals("org.upright.advice.issued.v1", header(record, "ce_type"));
        assertEquals(user, header(record, "ce_subject"));
        assertEquals("Physical Activity Guidelines for Americans, 2nd edition (HHS/CDC, 2018)",
                value.get("source").get("document").asText());
        assertEquals("Key Guidelines for Adults", value.get("source").get("section").asText());
    }

    @Test
    void weekThatMeetsTheTargetIssuesNoAerobicAdvice() {
        String user = newUser();
        publish(exercise(user, "2026-11-24T07:00:00+01:00", 80, null, 7.0));
        awaitWeek(user, "2026-W48", 160.0).body("aerobic.met", equalTo(true));

        assertEquals(List.of(), TopicReader.read(bootstrapServers, Topics.ADVICE_ISSUED,
                record -> user.equals(record.key()), 1, Duration.ofSeconds(3)));
    }

    @Test
    void unreadableRecordIsDeadLetteredAndConsumptionGoesOn() {
        String user = newUser();
        TopicWriter.write(bootstrapServers, Topics.ACTIVITY_EVENTS, user, "{\"eventId\": \"not json", Map.of());
        publish(exercise(user, "2026-11-24T07:00:00+01:00", 15, Intensity.MODERATE, null));

        awaitWeek(user, "2026-W48", 15.0);
        List<ConsumerRecord<String, String>> dead = TopicReader.read(bootstrapServers, Topics.ACTIVITY_EVENTS_DEAD_LETTER,
                record -> user.equals(record.key()), 1, PATIENCE);
        assertEquals(1, dead.size());
        assertNotNull(header(dead.get(0), "dead-letter-reason"));
    }

    @Test
    void malformedWeekIsAProblemNamingIt() {
        given().when().get("/api/v1/users/{user}/weeks/{week}", newUser(), "2026-48")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("isoWeek"));
    }

    @Test
    void readinessCoversKafkaAndTheDatabase() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Kafka connection health check", "Database connections health check"));
    }

    private io.restassured.response.ValidatableResponse awaitWeek(String user, String week, double moderateEquivalent) {
        await().atMost(PATIENCE).untilAsserted(() -> given().when().get("/api/v1/users/{user}/weeks/{week}", user, week)
                .then().statusCode(200).body("moderateEquivalentMinutes", equalTo((float) moderateEquivalent)));
        return given().when().get("/api/v1/users/{user}/weeks/{week}", user, week).then();
    }

    private void publish(ActivityEvent event) {
        TopicWriter.write(bootstrapServers, Topics.ACTIVITY_EVENTS, event.userId(), EventJson.write(event),
                Map.of("ce_id", event.eventId().toString(), "ce_type", "org.upright.activity.recorded.v1",
                        "ce_source", "/test", "ce_specversion", "1.0", "ce_subject", event.userId()));
    }

    private static ActivityEvent exercise(String user, String start, int minutes, Intensity intensity, Double mets) {
        OffsetDateTime from = OffsetDateTime.parse(start);
        return new ActivityEvent(UUID.randomUUID(), user, "test", EventType.EXERCISE, from, from.plusMinutes(minutes),
                null, "cycling", intensity, mets, null, null, null, null, null, null, null, null, null);
    }

    private static String newUser() {
        return "user-" + UUID.randomUUID();
    }
}
