package org.upright.advice.totals;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.upright.localinfra.TopicReader.header;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.upright.advice.flow.Flow;
import org.upright.events.ActivityEvent;
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
    void exerciseAloneIssuesNoAerobicAdviceBeforeTheWeekIsReviewed() {
        String user = newUser();
        publish(exercise(user, "2026-11-24T07:00:00+01:00", 40, Intensity.MODERATE, null));
        awaitWeek(user, "2026-W48", 40.0);

        assertEquals(List.of(), TopicReader.read(bootstrapServers, Topics.ADVICE_ISSUED,
                record -> user.equals(record.key()), 1, Duration.ofSeconds(3)));
    }

    @Test
    void everyFigureOfTheWeekIsShownAgainstItsTarget() {
        String user = newUser();
        publish(exercise(user, "2026-11-24T07:00:00+01:00", 30, Intensity.MODERATE, null),
                new ActivityEvent(UUID.randomUUID(), user, "test", EventType.EXERCISE, OffsetDateTime.parse("2026-11-25T18:00:00+01:00"),
                        OffsetDateTime.parse("2026-11-25T18:40:00+01:00"), null, "strength-training", null, null, null, null, null,
                        null, null, null, null, null, null),
                Flow.sitting(user, "b1", "2026-11-24T09:00:00+01:00", 70),
                Flow.posture(user, "2026-11-24T09:00:00+01:00", 14, "slouched"),
                Flow.stress(user, "2026-11-24T11:00:00+01:00", 20, 80),
                Flow.pain(user, "2026-11-26T08:00:00+01:00", 4));

        awaitWeek(user, "2026-W48", 70.0)
                .body("strength.days", equalTo(1))
                .body("strength.remainingDays", equalTo(1))
                .body("sittingMinutes", equalTo(70.0f))
                .body("longestBoutMinutes", equalTo(70.0f))
                .body("longBouts", equalTo(1))
                .body("poorPostureMinutes", equalTo(14.0f))
                .body("poorPostureShare", equalTo(0.2f))
                .body("highStressMinutes", equalTo(20.0f))
                .body("painDays", equalTo(1))
                .body("maxPainSeverity", equalTo(4))
                .body("days.date", hasItems("2026-11-24", "2026-11-25", "2026-11-26"));
    }

    @Test
    void aLateEventCorrectsItsOwnWeek() {
        String user = newUser();
        publish(exercise(user, "2026-11-24T07:00:00+01:00", 20, Intensity.MODERATE, null));
        awaitWeek(user, "2026-W48", 20.0);
        // a wearable syncing days later: the week before gets it, this one is unchanged
        publish(exercise(user, "2026-11-18T07:00:00+01:00", 15, Intensity.MODERATE, null));

        awaitWeek(user, "2026-W47", 15.0);
        awaitWeek(user, "2026-W48", 20.0);
        given().auth().oauth2(LocalInfraTestResource.personToken(user))
                .when().get("/api/v1/users/{user}/weeks?from=2026-W46&to=2026-W48", user)
                .then().statusCode(200)
                .body("isoWeek", equalTo(List.of("2026-W46", "2026-W47", "2026-W48")))
                .body("moderateEquivalentMinutes", equalTo(List.of(0.0f, 15.0f, 20.0f)));
    }

    @Test
    void theProfileZoneDecidesTheDayOfAnEventWithoutOne() {
        String user = newUser();
        Flow.publishProfile(user, "Asia/Tokyo", 1980);
        // Sunday 20:00 UTC is Monday 05:00 in Tokyo: week 49
        publish(exercise(user, "2026-11-29T20:00:00Z", 30, Intensity.MODERATE, null));

        awaitWeek(user, "2026-W49", 30.0);
    }

    @Test
    void unreadableRecordIsDeadLetteredAndConsumptionGoesOn() {
        String user = newUser();
        TopicWriter.write(bootstrapServers, Topics.ACTIVITY_EVENTS, user, "{\"eventId\": \"not json ünïcode", Map.of());
        publish(exercise(user, "2026-11-24T07:00:00+01:00", 15, Intensity.MODERATE, null));

        awaitWeek(user, "2026-W48", 15.0);
        List<ConsumerRecord<String, String>> dead = TopicReader.read(bootstrapServers, Topics.ACTIVITY_EVENTS_DEAD_LETTER,
                record -> user.equals(record.key()), 1, Flow.PATIENCE);
        assertEquals(1, dead.size());
        assertEquals("{\"eventId\": \"not json ünïcode", dead.get(0).value(), "the dead letter keeps the record as it was");
        assertNotNull(header(dead.get(0), "dead-letter-reason"));
        assertEquals("advice-service", header(dead.get(0), "dead-letter-consumer"));
    }

    @Test
    void malformedWeekIsAProblemNamingIt() {
        String user = newUser();
        given().auth().oauth2(LocalInfraTestResource.personToken(user)).when().get("/api/v1/users/{user}/weeks/{week}", user, "2026-48")
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

    private static ValidatableResponse awaitWeek(String user, String week, double moderateEquivalent) {
        return Flow.awaitWeek(user, week, moderateEquivalent);
    }

    private static void publish(ActivityEvent... events) {
        Flow.publish(events);
    }

    private static ActivityEvent exercise(String user, String start, int minutes, Intensity intensity, Double mets) {
        return Flow.exercise(user, start, minutes, "cycling", intensity, mets);
    }

    private static String newUser() {
        return Flow.newUser();
    }
}
