package org.upright.advice.review;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.upright.advice.flow.Flow.PATIENCE;
import static org.upright.advice.flow.Flow.awaitWeek;
import static org.upright.advice.flow.Flow.exercise;
import static org.upright.advice.flow.Flow.newUser;
import static org.upright.advice.flow.Flow.pain;
import static org.upright.advice.flow.Flow.publish;
import static org.upright.advice.flow.Flow.publishProfile;
import static org.upright.advice.flow.Flow.rulesAdvised;
import static org.upright.advice.flow.Flow.sitting;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.upright.events.Intensity;
import org.upright.localinfra.LocalInfraTestResource;

/** Pacing checks, verdicts, stay-active and the weekly summary, at the times they are due in the person's zone. */
@QuarkusTest
@WithTestResource(LocalInfraTestResource.class)
class WeekReviewTest {

    @Inject
    WeekReview review;

    @Test
    void aWeekIsReviewedOnMondayMorningInThePersonsZoneAndOnlyOnce() {
        String user = newUser();
        publishProfile(user, "Europe/Berlin", 1980);
        // four steady weeks before the pain, synced newest first so that no week looks like a jump
        List<String> weeks = List.of("2026-W46", "2026-W45", "2026-W44", "2026-W43");
        List<String> mondays = List.of("2026-11-09", "2026-11-02", "2026-10-26", "2026-10-19");
        for (int i = 0; i < weeks.size(); i++) {
            publish(exercise(user, mondays.get(i) + "T07:00:00+01:00", 100, "cycling", Intensity.MODERATE, null));
            awaitWeek(user, weeks.get(i), 100.0);
        }
        publish(pain(user, "2026-11-17T08:00:00+01:00", 3),
                sitting(user, "long", "2026-11-18T09:00:00+01:00", 55),
                exercise(user, "2026-11-19T07:00:00+01:00", 30, "cycling", Intensity.MODERATE, null));
        awaitWeek(user, "2026-W47", 30.0);
        await().atMost(PATIENCE).until(() -> rulesAdvised(user).contains("sitting-hourly-break"));

        review.reviewAt(Instant.parse("2026-11-23T06:59:00Z")); // 07:59 in Berlin: not yet
        assertEquals(List.of("sitting-hourly-break"), rulesAdvised(user));

        review.reviewAt(Instant.parse("2026-11-23T07:00:00Z"));
        review.reviewAt(Instant.parse("2026-11-23T07:05:00Z"));
        assertEquals(Set.of("sitting-hourly-break", "cdc-aerobic", "cdc-strength", "stay-active", "weekly-summary"),
                Set.copyOf(rulesAdvised(user)));
        assertEquals(5, rulesAdvised(user).size(), "each once");
        given().auth().oauth2(LocalInfraTestResource.personToken(user))
                .when().get("/api/v1/users/{user}/advice?rule=weekly-summary", user)
                .then().statusCode(200)
                .body("[0].period", equalTo("2026-W47"))
                .body("[0].figure", equalTo(30.0f))
                .body("[0].message", containsString("Your week 2026-W47: 30 of 150 aerobic minutes"))
                .body("[0].message", containsString("pain on 1 day, at worst 3 of 10"))
                .body("[0].message", containsString("Risk factors that showed up: sitting-hourly-break."));
    }

    @Test
    void theMidWeekPacingNudgeComesOnThursdayAtNoonWithWhatRemains() {
        String user = newUser();
        publishProfile(user, "America/New_York", null);
        publish(exercise(user, "2026-11-23T07:00:00-05:00", 60, "cycling", Intensity.MODERATE, null));
        awaitWeek(user, "2026-W48", 60.0);

        review.reviewAt(Instant.parse("2026-11-26T16:59:00Z")); // 11:59 in New York
        assertEquals(List.of(), rulesAdvised(user));
        review.reviewAt(Instant.parse("2026-11-26T17:00:00Z"));

        assertEquals(Set.of("cdc-aerobic", "cdc-strength"), Set.copyOf(rulesAdvised(user)));
        given().auth().oauth2(LocalInfraTestResource.personToken(user))
                .when().get("/api/v1/users/{user}/advice?rule=cdc-aerobic", user)
                .then().body("[0].message", containsString("90 more moderate minutes, or 45 vigorous, by Sunday"));
    }

    /** One pass reviews many people together, each in their own zone: Monday 08:00 in Auckland is still Sunday in Los Angeles. */
    @Test
    void onePassReviewsEachPersonByTheirOwnClock() {
        List<String> auckland = List.of(newUser(), newUser(), newUser());
        String losAngeles = newUser();
        auckland.forEach(user -> publishProfile(user, "Pacific/Auckland", 1985));
        publishProfile(losAngeles, "America/Los_Angeles", 1985);
        auckland.forEach(user -> publish(exercise(user, "2026-11-17T07:00:00+13:00", 40, "cycling", Intensity.MODERATE, null)));
        publish(exercise(losAngeles, "2026-11-17T07:00:00-08:00", 40, "cycling", Intensity.MODERATE, null));
        auckland.forEach(user -> awaitWeek(user, "2026-W47", 40.0));
        awaitWeek(losAngeles, "2026-W47", 40.0);

        review.reviewAt(Instant.parse("2026-11-22T19:00:00Z")); // Monday 08:00 in Auckland, Sunday 11:00 in Los Angeles

        for (String user : auckland) {
            assertEquals(Set.of("cdc-aerobic", "cdc-strength", "weekly-summary"), Set.copyOf(rulesAdvised(user)), user);
            given().auth().oauth2(LocalInfraTestResource.personToken(user))
                    .when().get("/api/v1/users/{user}/advice?rule=weekly-summary", user)
                    .then().statusCode(200).body("[0].period", equalTo("2026-W47"));
        }
        // its week 47 is not over: only the mid-week pacing nudges, due since Thursday noon
        assertEquals(Set.of("cdc-aerobic", "cdc-strength"), Set.copyOf(rulesAdvised(losAngeles)));
        given().auth().oauth2(LocalInfraTestResource.personToken(losAngeles))
                .when().get("/api/v1/users/{user}/advice?rule=cdc-aerobic", losAngeles)
                .then().statusCode(200).body("[0].message", containsString("110 more moderate minutes"));
    }

    /** The review runs every minute: someone with nothing due must not cost a transaction each time. */
    @Test
    void aPersonIsLookedAtOnlyWhenAReviewOrAPacingCheckIsDue() {
        String user = newUser();
        publishProfile(user, "America/New_York", null);
        publish(exercise(user, "2026-11-23T07:00:00-05:00", 60, "cycling", Intensity.MODERATE, null));
        awaitWeek(user, "2026-W48", 60.0);
        Instant wednesday = Instant.parse("2026-11-25T15:00:00Z");
        assertTrue(review.peopleDueAt(wednesday).contains(user), "last week's review is due");

        review.reviewAt(wednesday);

        assertFalse(review.peopleDueAt(wednesday.plusSeconds(60)).contains(user), "nothing is due until Thursday noon");
        assertFalse(review.peopleDueAt(Instant.parse("2026-11-26T16:59:00Z")).contains(user), "11:59 in New York");
        assertTrue(review.peopleDueAt(Instant.parse("2026-11-26T17:00:00Z")).contains(user), "pacing is due at noon");
    }
}
