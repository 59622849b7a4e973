package org.upright.notification.preferences;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.upright.localinfra.LocalInfraTestResource;

/** Preferences through the API and the real database. */
@QuarkusTest
@WithTestResource(LocalInfraTestResource.class)
class PreferencesResourceTest {

    @Test
    void aNewPersonHasTheDefaults() {
        String user = newUser();
        as(user).when().get("/api/v1/users/{user}/preferences", user)
                .then().statusCode(200)
                .body("timeZone", equalTo("UTC"))
                .body("quietHours.monday.from", equalTo("22:00"))
                .body("quietHours.monday.to", equalTo("07:00"))
                .body("quietHours.saturday.to", equalTo("09:00"))
                .body("dailyCap", equalTo(6))
                .body("cooldownMinutes", equalTo(120))
                .body("channels", equalTo(List.of("email", "stream", "webhook")))
                .body("snoozedUntil", nullValue());
    }

    @Test
    void whatIsPutIsReadBackWithDefaultsForWhatWasLeftOut() {
        String user = newUser();
        String body = """
                {"timeZone": "Europe/Berlin", "quietHours": {"monday": {"from": "21:30", "to": "06:30"}, "sunday": null},
                 "ruleCooldownMinutes": {"sitting-hourly-break": 60}, "snoozedUntil": "2026-11-25T18:00:00Z",
                 "mutedRules": ["stress-high"], "channels": ["stream", "email"], "email": "alice@example.com"}""";
        as(user).contentType(ContentType.JSON).body(body).when().put("/api/v1/users/{user}/preferences", user)
                .then().statusCode(200).body("timeZone", equalTo("Europe/Berlin"));

        as(user).when().get("/api/v1/users/{user}/preferences", user)
                .then().statusCode(200)
                .body("quietHours.monday.from", equalTo("21:30"))
                .body("quietHours.tuesday", nullValue())
                .body("dailyCap", equalTo(6))
                .body("ruleCooldownMinutes.sitting-hourly-break", equalTo(60))
                .body("snoozedUntil", equalTo("2026-11-25T18:00:00Z"))
                .body("mutedRules", equalTo(List.of("stress-high")))
                .body("channels", equalTo(List.of("email", "stream")))
                .body("email", equalTo("alice@example.com"));
    }

    @Test
    void aGzippedBodyIsReadAsSent() throws IOException {
        String user = newUser();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write("{\"timeZone\": \"Asia/Tokyo\", \"dailyCap\": 3}".getBytes(StandardCharsets.UTF_8));
        }
        as(user).contentType(ContentType.JSON).header("Content-Encoding", "gzip").body(bytes.toByteArray())
                .when().put("/api/v1/users/{user}/preferences", user)
                .then().statusCode(200).body("timeZone", equalTo("Asia/Tokyo")).body("dailyCap", equalTo(3));
    }

    @Test
    void badPreferencesAreAProblemNamingEachFieldAndChangeNothing() {
        String user = newUser();
        String body = """
                {"timeZone": "Mars/Olympus", "quietHours": {"funday": {"from": "22:00", "to": "07:00"}, "monday": {"from": "25:00", "to": "07:00"}},
                 "dailyCap": -1, "cooldownMinutes": 100000, "ruleCooldownMinutes": {"sitting_hourly_break": 60},
                 "mutedRules": ["posture_poor"], "channels": ["pager"], "email": "not-an-address"}""";
        as(user).contentType(ContentType.JSON).body(body).when().put("/api/v1/users/{user}/preferences", user)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("timeZone", "quietHours.funday", "quietHours.monday", "dailyCap", "cooldownMinutes",
                        "ruleCooldownMinutes.sitting_hourly_break", "mutedRules", "channels", "email"));
        as(user).when().get("/api/v1/users/{user}/preferences", user).then().body("timeZone", equalTo("UTC"));
    }

    /** A misspelt field would otherwise be dropped: the person would believe they had snoozed. */
    @Test
    void anUnknownFieldOrABodyOfTheWrongShapeIsAProblemInTheCallersTerms() {
        String user = newUser();
        as(user).contentType(ContentType.JSON).body("{\"snoozeUntil\": \"2030-01-01T00:00:00Z\"}")
                .when().put("/api/v1/users/{user}/preferences", user)
                .then().statusCode(400).body("errors[0].field", equalTo("snoozeUntil"))
                .body("detail", equalTo("snoozeUntil is not a field of this request"));
        as(user).contentType(ContentType.JSON).body("[]").when().put("/api/v1/users/{user}/preferences", user)
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("The body should be an object"));
        as(user).contentType(ContentType.JSON).body("{\"dailyCap\": [3]}").when().put("/api/v1/users/{user}/preferences", user)
                .then().statusCode(400).body("detail", equalTo("dailyCap should be a number"));
    }

    @Test
    void onlyThePersonOrAnAdminReachesThem() {
        String user = newUser();
        as(newUser()).when().get("/api/v1/users/{user}/preferences", user).then().statusCode(403);
        as(newUser()).contentType(ContentType.JSON).body("{}").when().put("/api/v1/users/{user}/preferences", user).then().statusCode(403);
        given().when().get("/api/v1/users/{user}/preferences", user).then().statusCode(401);
        String admin = LocalInfraTestResource.jwtKeys().mint("ops", Set.of("admin"), Duration.ofMinutes(5));
        given().auth().oauth2(admin).when().get("/api/v1/users/{user}/preferences", user).then().statusCode(200);
    }

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(LocalInfraTestResource.personToken(user));
    }

    private static String newUser() {
        return "user-" + UUID.randomUUID();
    }
}
