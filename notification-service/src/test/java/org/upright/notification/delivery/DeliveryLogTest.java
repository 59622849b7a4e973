package org.upright.notification.delivery;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.upright.events.AdviceIssued;
import org.upright.events.EventJson;
import org.upright.events.Severity;
import org.upright.events.Topics;
import org.upright.localinfra.LocalInfraTestResource;
import org.upright.localinfra.TopicWriter;

/** Advice in, the policy's decision per channel in the delivery log, through the real broker and database. */
@QuarkusTest
@WithTestResource(LocalInfraTestResource.class)
class DeliveryLogTest {

    @Inject
    AgroalDataSource dataSource;

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String NO_QUIET_HOURS = "\"quietHours\": {}";

    @Test
    void everyChannelThatIsOnGetsADecisionWithItsReason() {
        String user = newUser();
        prefer(user, "{" + NO_QUIET_HOURS + ", \"channels\": [\"stream\", \"webhook\"]}");
        publish(advice(user, "posture-poor", Severity.WARNING));

        awaitLog(user, 2)
                .body("channel", equalTo(List.of("webhook", "stream")))
                .body("decision", everyItem(equalTo("push")))
                .body("status", everyItem(not(equalTo("suppressed"))))
                .body("reason", everyItem(equalTo("pushed")));
    }

    @Test
    void aMutedRuleIsSuppressedButUrgentAdviceIsNot() {
        String user = newUser();
        prefer(user, "{" + NO_QUIET_HOURS + ", \"channels\": [\"email\"], \"mutedRules\": [\"stress-high\", \"pain-see-doctor\"]}");
        publish(advice(user, "stress-high", Severity.WARNING));
        awaitLog(user, 1).body("[0].decision", equalTo("suppress")).body("[0].reason", equalTo("muted: stress-high"))
                .body("[0].status", equalTo("suppressed"));

        publish(advice(user, "pain-see-doctor", Severity.URGENT));
        awaitLog(user, 2).body("[0].ruleId", equalTo("pain-see-doctor")).body("[0].decision", equalTo("push"));
    }

    @Test
    void theDailyCapHolds() {
        String user = newUser();
        prefer(user, "{" + NO_QUIET_HOURS + ", \"channels\": [\"webhook\"], \"dailyCap\": 1}");
        publish(advice(user, "posture-poor", Severity.WARNING));
        awaitLog(user, 1);
        publish(advice(user, "sitting-long-day", Severity.WARNING));

        awaitLog(user, 2).body("[0].decision", equalTo("suppress")).body("[0].reason", startsWith("daily cap: 1"));
    }

    /** The log is read as far back as the person's today, not only as far as the longest cooldown (2 hours by default). */
    @Test
    void theCapCountsAPushFromEarlierTodayLongerAgoThanAnyCooldown() throws Exception {
        String user = newUser();
        Instant now = Instant.now();
        // a zone where it is between 08:00 and 16:00 now, so that three hours ago was today there too
        int offset = Math.floorMod(12 - now.atOffset(ZoneOffset.UTC).getHour() + 12, 24) - 12;
        String zone = offset == 0 ? "Etc/GMT" : "Etc/GMT" + (offset > 0 ? "-" : "+") + Math.abs(offset);
        prefer(user, "{" + NO_QUIET_HOURS + ", \"timeZone\": \"" + zone + "\", \"channels\": [\"webhook\"], \"dailyCap\": 1}");
        Instant threeHoursAgo = now.minus(3, ChronoUnit.HOURS);
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement(
                "insert into delivery (id, advice_id, user_id, rule_id, channel, decision, reason, due_at, status, decided_at, updated_at)"
                        + " values (?, ?, ?, 'posture-poor', 'webhook', 'push', 'pushed', ?, 'delivered', ?, ?)")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setObject(2, UUID.randomUUID());
            insert.setString(3, user);
            for (int i = 4; i <= 6; i++) {
                insert.setTimestamp(i, Timestamp.from(threeHoursAgo));
            }
            insert.executeUpdate();
        }

        publish(advice(user, "stress-high", Severity.WARNING));

        awaitLog(user, 2).body("[0].decision", equalTo("suppress")).body("[0].reason", startsWith("daily cap: 1"));
    }

    /** What the log holds from earlier batches: an advice pushed on two channels counts once, and its rule cools down. */
    @Test
    void theCapAndTheCooldownsCountWhatEarlierBatchesPushed() {
        String user = newUser();
        prefer(user, "{" + NO_QUIET_HOURS + ", \"channels\": [\"stream\", \"webhook\"], \"dailyCap\": 2}");
        publish(advice(user, "posture-poor", Severity.WARNING));
        awaitLog(user, 2).body("decision", everyItem(equalTo("push")));
        publish(advice(user, "posture-poor", Severity.WARNING));
        awaitLog(user, 4).body("[0].decision", equalTo("suppress")).body("[0].reason", startsWith("cooldown: posture-poor"));
        publish(advice(user, "sitting-long-day", Severity.WARNING));
        awaitLog(user, 6).body("[0].decision", equalTo("push")).body("[1].decision", equalTo("push"));
        publish(advice(user, "stress-high", Severity.WARNING));

        awaitLog(user, 8).body("[0].decision", equalTo("suppress")).body("[0].reason", startsWith("daily cap: 2"));
    }

    /** Advice that arrives together is judged in its order, each push counting for the next. */
    @Test
    void theCapAndTheCooldownsHoldForAdviceThatArrivesTogether() {
        String user = newUser();
        prefer(user, "{" + NO_QUIET_HOURS + ", \"channels\": [\"stream\"], \"dailyCap\": 2}");
        publishTogether(advice(user, "posture-poor", Severity.WARNING), advice(user, "posture-poor", Severity.WARNING),
                advice(user, "sitting-long-day", Severity.WARNING), advice(user, "stress-high", Severity.WARNING));

        awaitLog(user, 4)
                .body("findAll { it.ruleId == 'posture-poor' }.decision", containsInAnyOrder("push", "suppress"))
                .body("find { it.ruleId == 'posture-poor' && it.decision == 'suppress' }.reason", startsWith("cooldown: posture-poor"))
                .body("find { it.ruleId == 'sitting-long-day' }.decision", equalTo("push"))
                .body("find { it.ruleId == 'stress-high' }.decision", equalTo("suppress"))
                .body("find { it.ruleId == 'stress-high' }.reason", startsWith("daily cap: 2"));
    }

    @Test
    void inQuietHoursANudgeWaitsUntilTheyEnd() {
        String user = newUser();
        LocalTime now = LocalTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES);
        prefer(user, "{\"timeZone\": \"UTC\", \"quietHours\": {" + everyDay(now.minusHours(1), now.plusHours(1))
                + "}, \"channels\": [\"email\"]}");
        publish(advice(user, "posture-poor", Severity.WARNING));

        String dueAt = awaitLog(user, 1).body("[0].decision", equalTo("delay")).extract().path("[0].dueAt");
        Duration wait = Duration.between(Instant.now(), Instant.parse(dueAt));
        assertTrue(wait.compareTo(Duration.ofMinutes(58)) > 0 && wait.compareTo(Duration.ofMinutes(61)) < 0, "due in " + wait);
    }

    /** The night's nudges count towards the cap like the rest: when quiet hours end, they are judged again, oldest first. */
    @Test
    void whatQuietHoursHeldBackIsJudgedAgainWhenTheyEnd() {
        String user = newUser();
        LocalTime now = LocalTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        prefer(user, "{\"timeZone\": \"UTC\", \"quietHours\": {" + everyDay(now.minusHours(1), now.plusSeconds(6))
                + "}, \"dailyCap\": 2, \"channels\": [\"stream\"]}");
        publish(advice(user, "posture-poor", Severity.WARNING));
        publish(advice(user, "stress-high", Severity.WARNING));
        publish(advice(user, "sitting-long-day", Severity.WARNING));
        awaitLog(user, 3).body("decision", everyItem(equalTo("delay")));

        await().atMost(PATIENCE).untilAsserted(() -> as(user).when().get("/api/v1/users/{user}/deliveries", user).then()
                .body("decision", containsInAnyOrder("push", "push", "suppress"))
                .body("reason", everyItem(startsWith("held back until ")))
                .body("find { it.decision == 'suppress' }.ruleId", equalTo("sitting-long-day"))
                .body("find { it.decision == 'suppress' }.reason", containsString("daily cap: 2"))
                .body("findAll { it.decision == 'push' }.status", everyItem(equalTo("delivered"))));
    }

    /** Advice decided together shares its decidedAt, and each advice has an entry per channel: no page may skip one. */
    @Test
    void pagingThroughTheLogMissesNothingAndRepeatsNothing() {
        String user = newUser();
        prefer(user, "{" + NO_QUIET_HOURS + ", \"channels\": [\"stream\", \"webhook\", \"email\"], \"dailyCap\": 20}");
        List<String> rules = List.of("posture-poor", "stress-high", "sitting-long-day", "cdc-aerobic");
        rules.forEach(rule -> publish(advice(user, rule, Severity.WARNING)));
        List<String> all = awaitLog(user, 12).extract().path("collect { it.adviceId + '/' + it.channel }");

        List<String> paged = new ArrayList<>();
        Map<String, Object> cursor = Map.of();
        for (int page = 0; page < 20; page++) {
            List<Map<String, Object>> entries = as(user).queryParam("limit", 5).queryParams(cursor)
                    .when().get("/api/v1/users/{user}/deliveries", user).then().statusCode(200).extract().path("");
            if (entries.isEmpty()) {
                break;
            }
            entries.forEach(entry -> paged.add(entry.get("adviceId") + "/" + entry.get("channel")));
            Map<String, Object> last = entries.get(entries.size() - 1);
            cursor = Map.of("before", last.get("decidedAt"), "beforeId", last.get("adviceId"), "beforeChannel", last.get("channel"));
        }

        assertEquals(all, paged);
        assertEquals(12, Set.copyOf(paged).size());
    }

    @Test
    void aCursorWithoutWhatItContinuesFromIsAProblemNamingIt() {
        String user = newUser();
        as(user).queryParam("beforeId", UUID.randomUUID()).when().get("/api/v1/users/{user}/deliveries", user)
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("beforeId"));
        as(user).queryParam("before", Instant.now().toString()).queryParam("beforeChannel", "email")
                .when().get("/api/v1/users/{user}/deliveries", user)
                .then().statusCode(400).body("errors.field", hasItem("beforeChannel"));
        as(user).queryParam("before", "yesterday").when().get("/api/v1/users/{user}/deliveries", user)
                .then().statusCode(400).body("errors.field", hasItem("before"));
    }

    @Test
    void theLogIsOnlyForItsPerson() {
        String user = newUser();
        as(newUser()).when().get("/api/v1/users/{user}/deliveries", user).then().statusCode(403);
        given().when().get("/api/v1/users/{user}/deliveries", user).then().statusCode(401);
    }

    /** The same quiet hours on every day of the week, as the preferences' JSON. */
    private static String everyDay(LocalTime from, LocalTime to) {
        String window = "{\"from\": \"%s\", \"to\": \"%s\"}".formatted(from, to);
        return String.join(", ", List.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
                .stream().map(day -> "\"" + day + "\": " + window).toList());
    }

    private static ValidatableResponse awaitLog(String user, int entries) {
        await().atMost(PATIENCE).untilAsserted(() -> as(user).when().get("/api/v1/users/{user}/deliveries", user)
                .then().statusCode(200).body("", hasSize(entries)));
        return as(user).when().get("/api/v1/users/{user}/deliveries", user).then();
    }

    private static void prefer(String user, String preferences) {
        as(user).contentType(ContentType.JSON).body(preferences).when().put("/api/v1/users/{user}/preferences", user)
                .then().statusCode(200);
    }

    private static void publish(AdviceIssued advice) {
        publishTogether(advice);
    }

    private static void publishTogether(AdviceIssued... advice) {
        TopicWriter.writeAll(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class), Topics.ADVICE_ISSUED,
                Arrays.stream(advice).map(one -> new TopicWriter.Record(one.userId(), EventJson.write(one),
                        Map.of("ce_id", one.adviceId().toString()))).toList());
    }

    private static AdviceIssued advice(String user, String rule, Severity severity) {
        return new AdviceIssued(UUID.randomUUID(), user, rule, severity, "a message", 40, 30, "%",
                new AdviceIssued.Source("Causes and treatment of lower back spasms (Medical News Today, 2018)", "Causes", "a point"),
                "2026-W48", Instant.now());
    }

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(LocalInfraTestResource.personToken(user));
    }

    private static String newUser() {
        return "user-" + UUID.randomUUID();
    }
}
