package org.upright.advice.flow;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.response.ValidatableResponse;
import jakarta.enterprise.inject.spi.CDI;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.upright.advice.people.People;
import org.upright.events.ActivityEvent;
import org.upright.events.EventJson;
import org.upright.events.EventType;
import org.upright.events.Intensity;
import org.upright.events.ProfileChanged;
import org.upright.events.Topics;
import org.upright.localinfra.LocalInfraTestResource;
import org.upright.localinfra.TopicWriter;

/** What the integration tests do through the real broker and the service's API. */
public final class Flow {

    public static final Duration PATIENCE = Duration.ofSeconds(30);

    private Flow() {
    }

    public static String newUser() {
        return "user-" + UUID.randomUUID();
    }

    public static String bootstrapServers() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    public static void publish(ActivityEvent... events) {
        for (ActivityEvent event : events) {
            TopicWriter.write(bootstrapServers(), Topics.ACTIVITY_EVENTS, event.userId(), EventJson.write(event),
                    Map.of("ce_id", event.eventId().toString(), "ce_type", "org.upright.activity.recorded.v1",
                            "ce_source", "/test", "ce_specversion", "1.0", "ce_subject", event.userId()));
        }
    }

    /** Publishes a profile as activity-service does, and waits until advice-service has it. */
    public static void publishProfile(String user, String zone, Integer birthYear) {
        TopicWriter.write(bootstrapServers(), Topics.PROFILES, user,
                EventJson.write(new ProfileChanged(user, zone, birthYear, Instant.now())), Map.of());
        People people = CDI.current().select(People.class).get();
        await().atMost(PATIENCE).until(() -> people.byId(List.of(user)).containsKey(user));
    }

    public static ValidatableResponse awaitWeek(String user, String week, double moderateEquivalent) {
        await().atMost(PATIENCE).untilAsserted(() -> week(user, week).statusCode(200)
                .body("moderateEquivalentMinutes", equalTo((float) moderateEquivalent)));
        return week(user, week);
    }

    public static ValidatableResponse week(String user, String week) {
        return given().auth().oauth2(LocalInfraTestResource.personToken(user))
                .when().get("/api/v1/users/{user}/weeks/{week}", user, week).then();
    }

    /** The rule ids of a person's advice, newest first. */
    public static List<String> rulesAdvised(String user) {
        return given().auth().oauth2(LocalInfraTestResource.personToken(user))
                .when().get("/api/v1/users/{user}/advice", user)
                .then().statusCode(200).extract().jsonPath().getList("ruleId", String.class);
    }

    public static ActivityEvent exercise(String user, String start, int minutes, String activity, Intensity intensity, Double mets) {
        OffsetDateTime from = OffsetDateTime.parse(start);
        return new ActivityEvent(UUID.randomUUID(), user, "test", EventType.EXERCISE, from, from.plusMinutes(minutes),
                null, activity, intensity, mets, null, null, null, null, null, null, null, null, null);
    }

    public static ActivityEvent sitting(String user, String boutId, String start, Integer minutes) {
        OffsetDateTime from = OffsetDateTime.parse(start);
        return new ActivityEvent(UUID.randomUUID(), user, "test", EventType.SITTING, from, minutes == null ? null : from.plusMinutes(minutes),
                null, null, null, null, null, null, null, null, null, null, null, null, boutId);
    }

    public static ActivityEvent posture(String user, String start, int minutes, String posture) {
        OffsetDateTime from = OffsetDateTime.parse(start);
        return new ActivityEvent(UUID.randomUUID(), user, "test", EventType.POSTURE, from, from.plusMinutes(minutes),
                null, null, null, null, null, null, posture, null, null, null, null, null, null);
    }

    public static ActivityEvent stress(String user, String start, int minutes, int level) {
        OffsetDateTime from = OffsetDateTime.parse(start);
        return new ActivityEvent(UUID.randomUUID(), user, "test", EventType.STRESS, from, from.plusMinutes(minutes),
                null, null, null, null, null, null, null, level, null, null, null, null, null);
    }

    public static ActivityEvent pain(String user, String at, int severity) {
        OffsetDateTime from = OffsetDateTime.parse(at);
        return new ActivityEvent(UUID.randomUUID(), user, "test", EventType.SYMPTOM, from, from,
                null, null, null, null, null, null, null, null, "lower-back", severity, "spasm", null, null);
    }
}
