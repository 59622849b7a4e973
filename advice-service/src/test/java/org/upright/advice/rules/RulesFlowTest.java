package org.upright.advice.rules;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.upright.advice.flow.Flow.PATIENCE;
import static org.upright.advice.flow.Flow.awaitWeek;
import static org.upright.advice.flow.Flow.exercise;
import static org.upright.advice.flow.Flow.newUser;
import static org.upright.advice.flow.Flow.pain;
import static org.upright.advice.flow.Flow.posture;
import static org.upright.advice.flow.Flow.publish;
import static org.upright.advice.flow.Flow.rulesAdvised;
import static org.upright.advice.flow.Flow.sitting;
import static org.upright.advice.flow.Flow.stress;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.upright.advice.flow.Flow;
import org.upright.advice.totals.IsoWeek;
import org.upright.events.Intensity;
import org.upright.events.Topics;
import org.upright.localinfra.LocalInfraTestResource;
import org.upright.localinfra.TopicReader;

/** Each risk rule through the real broker and database: it fires on what it watches, once per cause. */
@QuarkusTest
@WithTestResource(LocalInfraTestResource.class)
class RulesFlowTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anOpenBoutIsNudgedWhenItReachesTheThresholdAndOnlyOnce() throws Exception {
        String user = newUser();
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(50).plusSeconds(8).truncatedTo(ChronoUnit.SECONDS);
        publish(sitting(user, "desk-1", start.toString(), null));

        List<ConsumerRecord<String, String>> advice = TopicReader.read(Flow.bootstrapServers(), Topics.ADVICE_ISSUED,
                record -> user.equals(record.key()), 1, PATIENCE);
        JsonNode nudge = JSON.readTree(advice.get(0).value());
        assertEquals("sitting-hourly-break", nudge.get("ruleId").asText());
        assertEquals(50.0, nudge.get("figure").asDouble());
        Instant issued = Instant.parse(nudge.get("issuedAt").asText());
        Duration late = Duration.between(start.toInstant().plus(Duration.ofMinutes(50)), issued);
        assertEquals(true, !late.isNegative() && late.compareTo(Duration.ofSeconds(2)) < 0, "issued " + late + " after the threshold");

        // the same bout closed at 70 minutes gets no second advice
        publish(sitting(user, "desk-1", start.toString(), 70), exercise(user, "2026-11-24T07:00:00Z", 5, "walking", Intensity.MODERATE, null));
        awaitWeek(user, "2026-W48", 5.0);
        assertEquals(List.of("sitting-hourly-break"), rulesAdvised(user));
    }

    @Test
    void aBoutWhoseCloseArrivedBeforeItsOpenIsNotNudged() {
        String user = newUser();
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(55).truncatedTo(ChronoUnit.SECONDS);
        // a phone that synced the bout's end first: had the open started a timer, its nudge would be due at once
        publish(sitting(user, "desk-2", start.toString(), 20), sitting(user, "desk-2", start.toString(), null),
                exercise(user, start.toString(), 5, "walking", Intensity.MODERATE, null));
        awaitWeek(user, IsoWeek.of(start.toLocalDate()).toString(), 5.0);

        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> rulesAdvised(user).isEmpty());
    }

    @Test
    void aBoutReportedOnceItEndedGetsItsBreakAdviceOnce() {
        String user = newUser();
        publish(sitting(user, "b-55", "2026-11-24T09:00:00+01:00", 55), sitting(user, "b-40", "2026-11-24T11:00:00+01:00", 40));
        await().atMost(PATIENCE).until(() -> rulesAdvised(user).contains("sitting-hourly-break"));
        // the close sent again under another event id
        publish(sitting(user, "b-55", "2026-11-24T09:00:00+01:00", 55), exercise(user, "2026-11-24T07:00:00Z", 5, "walking", Intensity.MODERATE, null));
        awaitWeek(user, "2026-W48", 5.0);

        assertEquals(List.of("sitting-hourly-break"), rulesAdvised(user));
    }

    @Test
    void moreThanEightHoursOfSittingInADayFiresOnceForThatDay() {
        String user = newUser();
        publish(sitting(user, "m", "2026-11-24T08:00:00+01:00", 45), sitting(user, "a", "2026-11-24T09:00:00+01:00", 45),
                sitting(user, "c", "2026-11-24T10:00:00+01:00", 45));
        await().atMost(PATIENCE).untilAsserted(() -> Flow.week(user, "2026-W48").body("sittingMinutes", equalTo(135.0f)));
        for (int hour = 11; hour <= 18; hour++) {
            publish(sitting(user, "s" + hour, "2026-11-24T%02d:00:00+01:00".formatted(hour), 45));
        }
        await().atMost(PATIENCE).until(() -> rulesAdvised(user).contains("sitting-long-day"));
        publish(sitting(user, "late", "2026-11-24T20:00:00+01:00", 45));
        await().atMost(PATIENCE).untilAsserted(() -> Flow.week(user, "2026-W48").body("sittingMinutes", equalTo(540.0f)));

        assertEquals(1, Collections.frequency(rulesAdvised(user), "sitting-long-day"));
    }

    @Test
    void poorPostureForOverAThirdOfSittingFires() {
        String user = newUser();
        publish(sitting(user, "p", "2026-11-24T09:00:00+01:00", 45), sitting(user, "q", "2026-11-24T10:00:00+01:00", 45),
                posture(user, "2026-11-24T09:00:00+01:00", 40, "slouched"));

        await().atMost(PATIENCE).until(() -> rulesAdvised(user).contains("posture-poor"));
    }

    @Test
    void aStressfulDayFires() {
        String user = newUser();
        publish(stress(user, "2026-11-24T09:00:00+01:00", 75, 85));

        await().atMost(PATIENCE).until(() -> rulesAdvised(user).contains("stress-high"));
    }

    @Test
    void intensePainTellsThePersonToSeeADoctorOncePerSpell() throws Exception {
        String user = newUser();
        publish(pain(user, "2026-11-24T08:00:00+01:00", 8));
        await().atMost(PATIENCE).until(() -> rulesAdvised(user).contains("pain-see-doctor"));
        publish(pain(user, "2026-11-25T08:00:00+01:00", 9), exercise(user, "2026-11-25T07:00:00Z", 5, "walking", Intensity.MODERATE, null));
        awaitWeek(user, "2026-W48", 5.0).body("painDays", equalTo(2));

        assertEquals(List.of("pain-see-doctor"), rulesAdvised(user));
        given().auth().oauth2(LocalInfraTestResource.personToken(user)).when().get("/api/v1/users/{user}/advice", user)
                .then().body("[0].severity", equalTo("urgent"))
                .body("[0].source.section", equalTo("Treatment"));
    }

    @Test
    void aJumpAboveTheWeeksBeforeAndANewActivityFireOverUse() {
        String user = newUser();
        // four steady weeks, synced newest first: each week is judged when it arrives, against the (empty) weeks before
        List<String> weeks = List.of("2026-W47", "2026-W46", "2026-W45", "2026-W44");
        List<String> mondays = List.of("2026-11-16", "2026-11-09", "2026-11-02", "2026-10-26");
        for (int i = 0; i < weeks.size(); i++) {
            publish(exercise(user, mondays.get(i) + "T07:00:00+01:00", 60, "cycling", Intensity.MODERATE, null));
            awaitWeek(user, weeks.get(i), 60.0);
        }
        assertEquals(List.of(), rulesAdvised(user));

        publish(exercise(user, "2026-11-24T07:00:00+01:00", 95, "cycling", Intensity.MODERATE, null));
        await().atMost(PATIENCE).until(() -> rulesAdvised(user).contains("overuse-spike"));
        publish(exercise(user, "2026-11-25T07:00:00+01:00", 20, "running", Intensity.VIGOROUS, null));
        await().atMost(PATIENCE).until(() -> Collections.frequency(rulesAdvised(user), "overuse-spike") == 2);

        given().auth().oauth2(LocalInfraTestResource.personToken(user)).when().get("/api/v1/users/{user}/advice", user)
                .then().body("period", hasItems("2026-W48", "2026-11-25"));
    }
}
