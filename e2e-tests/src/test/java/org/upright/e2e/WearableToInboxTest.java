package org.upright.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.restassured.http.ContentType;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.upright.localinfra.LocalJwtKeys;
import org.upright.localstack.Stack;
import org.upright.localstack.StackPorts;

/**
 * The three packaged services as separate processes on one real broker and one real database,
 * used the way a wearable and a person use them.
 */
class WearableToInboxTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /**
     * The break nudges in an inbox. Other advice may be there too: from Thursday noon on, the week
     * review sends the mid-week pacing nudges to anyone it finds behind.
     */
    private static final String SITTING_NUDGES = "findAll { it.ruleId == 'sitting-hourly-break' }";
    private static Stack stack;
    private static LocalJwtKeys jwtKeys;

    @BeforeAll
    static void startStack() {
        Path root = Path.of(System.getProperty("upright.root", "..")).toAbsolutePath().normalize();
        jwtKeys = LocalJwtKeys.inDirectory(Path.of("target", "e2e-keys"));
        stack = Stack.start(root, Path.of("target", "e2e-logs"), jwtKeys, StackPorts.anyFree(),
                line -> System.out.println("e2e: " + line));
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void anOpenSittingBoutFromARegisteredWearableBecomesABreakNudgeInTheInbox() {
        String user = "e2e-" + UUID.randomUUID();
        String wearable = given().baseUri(url("activity-service")).auth().oauth2(personToken(user))
                .contentType(ContentType.JSON).body("{\"name\": \"wrist band\"}")
                .when().post("/api/v1/devices")
                .then().statusCode(201).extract().path("token");
        // sitting since 50 minutes ago, less a few seconds: the break nudge is due in real time, before the bout ends
        String body = """
                {"eventId": "%s", "type": "sitting", "start": "%s", "boutId": "desk"}
                """.formatted(UUID.randomUUID(), now().minusMinutes(50).plusSeconds(5));
        given().baseUri(url("activity-service")).auth().oauth2(wearable).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/events").then().statusCode(202);

        await().atMost(PATIENCE).untilAsserted(() -> given().baseUri(url("notification-service")).auth().oauth2(personToken(user))
                .when().get("/api/v1/users/{user}/notifications", user)
                .then().statusCode(200)
                .body(SITTING_NUDGES, hasSize(1))
                .body(SITTING_NUDGES + "[0].figure", equalTo(50.0f))
                .body(SITTING_NUDGES + "[0].target", equalTo(50.0f))
                .body(SITTING_NUDGES + "[0].source.document", equalTo("Causes and treatment of lower back spasms (Medical News Today, 2018)")));
    }

    @Test
    void anOpenBoutsNudgeSurvivesACrashOfAdviceService() {
        String user = "e2e-" + UUID.randomUUID();
        String token = personToken(user);
        OffsetDateTime start = now().minusMinutes(50).plusSeconds(20);
        given().baseUri(url("activity-service")).auth().oauth2(token).contentType(ContentType.JSON)
                .body("""
                        {"eventId": "%s", "type": "sitting", "start": "%s", "boutId": "sofa"}
                        """.formatted(UUID.randomUUID(), start))
                .when().post("/api/v1/events").then().statusCode(202);
        // an exercise after it on the same partition: once it shows, the open bout was applied too
        OffsetDateTime end = now().minusMinutes(1);
        postExercise(token, UUID.randomUUID(), end.minusMinutes(10), end).then().statusCode(202);
        await().atMost(PATIENCE).untilAsserted(() -> given().baseUri(url("advice-service")).auth().oauth2(token)
                .when().get("/api/v1/users/{user}/weeks/{week}", user, isoWeek(end))
                .then().statusCode(200).body("moderateMinutes", equalTo(10.0f)));

        stack.crashAndRestart("advice-service");

        await().atMost(PATIENCE).untilAsserted(() -> given().baseUri(url("notification-service")).auth().oauth2(personToken(user))
                .when().get("/api/v1/users/{user}/notifications", user)
                .then().statusCode(200)
                .body(SITTING_NUDGES, hasSize(1)));
    }

    /** The zone a person gives their profile is the one their quiet hours count in, without saying it twice. */
    @Test
    void theProfilesZoneIsTheZoneOfThePersonsNudges() {
        String user = "e2e-" + UUID.randomUUID();
        given().baseUri(url("activity-service")).auth().oauth2(personToken(user)).contentType(ContentType.JSON)
                .body("{\"timeZone\": \"America/New_York\"}")
                .when().put("/api/v1/profile").then().statusCode(200);

        await().atMost(PATIENCE).untilAsserted(() -> given().baseUri(url("notification-service")).auth().oauth2(personToken(user))
                .when().get("/api/v1/users/{user}/preferences", user)
                .then().statusCode(200)
                .body("timeZone", equalTo("America/New_York")));
    }

    @Test
    void sameEventPostedTwiceIsCountedOnce() {
        String user = "e2e-" + UUID.randomUUID();
        OffsetDateTime end = now().minusMinutes(30);
        if (!isoWeek(end.minusMinutes(20)).equals(isoWeek(end.plusMinutes(15)))) {
            end = end.minusHours(1); // keep all three in one week, even just after Monday 00:00
        }
        UUID retried = UUID.randomUUID();

        String token = personToken(user);
        postExercise(token, retried, end.minusMinutes(20), end).then().statusCode(202);
        postExercise(token, retried, end.minusMinutes(20), end).then().statusCode(200);
        postExercise(token, UUID.randomUUID(), end.plusMinutes(5), end.plusMinutes(15)).then().statusCode(202);

        String week = isoWeek(end);
        await().atMost(PATIENCE).untilAsserted(() -> given().baseUri(url("advice-service")).auth().oauth2(token)
                .when().get("/api/v1/users/{user}/weeks/{week}", user, week)
                .then().statusCode(200)
                .body("moderateMinutes", equalTo(30.0f)));
    }

    /**
     * With no zone on the event or the profile, the offset the wearable recorded decides the week: a
     * walk on Monday morning in Tokyo is that Monday's week, though it was still Sunday in UTC.
     */
    @Test
    void anEventWithoutAZoneCountsInTheWeekOfItsOwnOffset() {
        String user = "e2e-" + UUID.randomUUID();
        OffsetDateTime sundayNightUtc = now().minusDays(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY))
                .withHour(23).withMinute(0).withSecond(0);
        OffsetDateTime tokyoEnd = sundayNightUtc.withOffsetSameInstant(ZoneOffset.ofHours(9));
        String token = personToken(user);

        postExercise(token, UUID.randomUUID(), tokyoEnd.minusMinutes(20), tokyoEnd).then().statusCode(202);

        String mondayWeek = "%d-W%02d".formatted(tokyoEnd.get(IsoFields.WEEK_BASED_YEAR), tokyoEnd.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        await().atMost(PATIENCE).untilAsserted(() -> given().baseUri(url("advice-service")).auth().oauth2(token)
                .when().get("/api/v1/users/{user}/weeks/{week}", user, mondayWeek)
                .then().statusCode(200)
                .body("moderateMinutes", equalTo(20.0f)));
    }

    private static io.restassured.response.Response postExercise(String bearerToken, UUID eventId, OffsetDateTime start,
                                                                OffsetDateTime end) {
        String body = """
                {"eventId": "%s", "type": "exercise", "start": "%s", "end": "%s", "activity": "walking", "intensity": "moderate"}
                """.formatted(eventId, start, end);
        return given().baseUri(url("activity-service")).auth().oauth2(bearerToken).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/events");
    }

    private static String personToken(String user) {
        return jwtKeys.mint(user, Set.of("user"), Duration.ofHours(1));
    }

    private static String url(String service) {
        return stack.uri(service).toString();
    }

    /** The events carry UTC offsets and no zone, so advice-service files them under their UTC week. */
    private static String isoWeek(OffsetDateTime time) {
        OffsetDateTime utc = time.withOffsetSameInstant(ZoneOffset.UTC);
        return "%d-W%02d".formatted(utc.get(IsoFields.WEEK_BASED_YEAR), utc.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
    }
}
