package org.upright.notification.preferences;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.upright.events.AdviceIssued;
import org.upright.events.EventJson;
import org.upright.events.ProfileChanged;
import org.upright.events.Severity;
import org.upright.events.Topics;
import org.upright.localinfra.LocalInfraTestResource;
import org.upright.localinfra.TopicReader;
import org.upright.localinfra.TopicWriter;

/**
 * A person who told activity-service their zone has it here too, through the real broker: quiet
 * hours and the daily cap count in it until their preferences name a zone of their own.
 */
@QuarkusTest
@WithTestResource(LocalInfraTestResource.class)
class ProfileZoneTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Instant AN_HOUR_AGO = Instant.now().minus(1, ChronoUnit.HOURS);

    @Test
    void thePreferencesZoneFollowsTheProfileUntilThePersonNamesOne() {
        String user = newUser();
        publishProfile(user, new ProfileChanged(user, "America/New_York", 1970, AN_HOUR_AGO));
        awaitZone(user, "America/New_York");

        prefer(user, "{\"timeZone\": \"Europe/Berlin\"}").body("timeZone", equalTo("Europe/Berlin"));
        publishProfile(user, new ProfileChanged(user, "Asia/Tokyo", 1970, AN_HOUR_AGO.plusSeconds(60)));
        publishProfile(user, new ProfileChanged(user, "Europe/Lisbon", 1970, AN_HOUR_AGO.plusSeconds(1)));
        String marker = newUser();
        publishProfile(user, new ProfileChanged(marker, "Asia/Kolkata", null, AN_HOUR_AGO)); // keyed by user: read after theirs
        awaitZone(marker, "Asia/Kolkata");
        as(user).when().get("/api/v1/users/{user}/preferences", user).then().body("timeZone", equalTo("Europe/Berlin"));

        prefer(user, "{\"dailyCap\": 3}").body("timeZone", equalTo("Asia/Tokyo"));
        as(user).when().get("/api/v1/users/{user}/preferences", user).then()
                .body("timeZone", equalTo("Asia/Tokyo")).body("dailyCap", equalTo(3));
    }

    @Test
    void preferencesReadAndPutBackAsTheyWereKeepFollowingTheProfile() {
        String user = newUser();
        publishProfile(user, new ProfileChanged(user, "America/New_York", 1970, AN_HOUR_AGO));
        awaitZone(user, "America/New_York");

        // what a settings screen does: read the preferences, change one field, put them all back
        String read = as(user).when().get("/api/v1/users/{user}/preferences", user).then().statusCode(200)
                .body("timeZoneFromProfile", equalTo(true)).extract().asString();
        prefer(user, read.replace("\"dailyCap\":6", "\"dailyCap\":4"))
                .body("dailyCap", equalTo(4)).body("timeZoneFromProfile", equalTo(true));
        publishProfile(user, new ProfileChanged(user, "Europe/Madrid", 1970, AN_HOUR_AGO.plusSeconds(60)));

        awaitZone(user, "Europe/Madrid");
        as(user).when().get("/api/v1/users/{user}/preferences", user).then().body("dailyCap", equalTo(4));
    }

    @Test
    void aZoneOfTheirOwnIsShownAsNotFromTheProfile() {
        String user = newUser();
        prefer(user, "{\"timeZone\": \"Europe/Berlin\"}").body("timeZoneFromProfile", equalTo(false));
        prefer(user, "{\"timeZone\": \"Europe/Berlin\", \"timeZoneFromProfile\": false}").body("timeZone", equalTo("Europe/Berlin"));
        as(user).contentType(ContentType.JSON).body("{\"timeZoneFromProfile\": false}")
                .when().put("/api/v1/users/{user}/preferences", user)
                .then().statusCode(400).body("errors[0].field", equalTo("timeZone"));
        as(user).when().get("/api/v1/users/{user}/preferences", user).then().body("timeZone", equalTo("Europe/Berlin"));
    }

    @Test
    void quietHoursCountInTheProfilesZone() {
        String user = newUser();
        ZoneId kolkata = ZoneId.of("Asia/Kolkata"); // UTC+05:30 all year: the same window in UTC lies hours away
        publishProfile(user, new ProfileChanged(user, kolkata.getId(), null, AN_HOUR_AGO));
        awaitZone(user, kolkata.getId());
        LocalTime there = LocalTime.now(kolkata).truncatedTo(ChronoUnit.MINUTES);
        prefer(user, "{\"quietHours\": {" + everyDay(there.minusHours(1), there.plusHours(1)) + "}, \"channels\": [\"stream\"]}");

        publishAdvice(user);

        await().atMost(PATIENCE).untilAsserted(() -> as(user).when().get("/api/v1/users/{user}/deliveries", user)
                .then().statusCode(200).body("", hasSize(1)));
        String dueAt = as(user).when().get("/api/v1/users/{user}/deliveries", user).then()
                .body("[0].decision", equalTo("delay")).body("[0].reason", startsWith("quiet hours: delayed until "))
                .extract().path("[0].dueAt");
        Duration wait = Duration.between(Instant.now(), Instant.parse(dueAt));
        assertTrue(wait.compareTo(Duration.ofMinutes(58)) > 0 && wait.compareTo(Duration.ofMinutes(61)) < 0, "due in " + wait);
    }

    @Test
    void anUnreadableProfileIsDeadLetteredAndConsumptionGoesOn() {
        String user = newUser();
        TopicWriter.write(bootstrapServers(), Topics.PROFILES, user, "{\"userId\": \"" + user + "\", \"timeZone\": \"Mars/Olympus\"}", Map.of());
        publishProfile(user, new ProfileChanged(user, "Europe/Berlin", null, AN_HOUR_AGO));

        awaitZone(user, "Europe/Berlin");
        List<ConsumerRecord<String, String>> dead = TopicReader.read(bootstrapServers(), Topics.PROFILES_DEAD_LETTER,
                record -> user.equals(record.key()), 1, PATIENCE);
        assertEquals(1, dead.size());
        assertNotNull(dead.get(0).headers().lastHeader("dead-letter-reason"));
        assertEquals("notification-service", TopicReader.header(dead.get(0), "dead-letter-consumer"));
    }

    private static void awaitZone(String user, String zone) {
        await().atMost(PATIENCE).untilAsserted(() -> as(user).when().get("/api/v1/users/{user}/preferences", user)
                .then().statusCode(200).body("timeZone", equalTo(zone)));
    }

    private static ValidatableResponse prefer(String user, String preferences) {
        return as(user).contentType(ContentType.JSON).body(preferences).when().put("/api/v1/users/{user}/preferences", user)
                .then().statusCode(200);
    }

    /** The same quiet hours on every day of the week, as the preferences' JSON. */
    private static String everyDay(LocalTime from, LocalTime to) {
        String window = "{\"from\": \"%s\", \"to\": \"%s\"}".formatted(from, to);
        return String.join(", ", List.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
                .stream().map(day -> "\"" + day + "\": " + window).toList());
    }

    private static void publishProfile(String key, ProfileChanged profile) {
        TopicWriter.write(bootstrapServers(), Topics.PROFILES, key, EventJson.write(profile), Map.of());
    }

    private static void publishAdvice(String user) {
        AdviceIssued advice = new AdviceIssued(UUID.randomUUID(), user, "posture-poor", Severity.WARNING, "a message", 40, 30, "%",
                new AdviceIssued.Source("Causes and treatment of lower back spasms (Medical News Today, 2018)", "Causes", "a point"),
                "2026-W48", Instant.now());
        TopicWriter.write(bootstrapServers(), Topics.ADVICE_ISSUED, user, EventJson.write(advice),
                Map.of("ce_id", advice.adviceId().toString()));
    }

    private static String bootstrapServers() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(LocalInfraTestResource.personToken(user));
    }

    private static String newUser() {
        return "user-" + UUID.randomUUID();
    }
}
