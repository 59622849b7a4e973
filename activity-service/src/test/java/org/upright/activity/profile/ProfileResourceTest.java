package org.upright.activity.profile;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import static org.upright.localinfra.LocalInfraTestResource.personToken;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.upright.events.Topics;
import org.upright.localinfra.LocalInfraTestResource;
import org.upright.localinfra.TopicReader;

@QuarkusTest
@WithTestResource(LocalInfraTestResource.class)
class ProfileResourceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void profileIsEachPersonsOwn() {
        String alice = newUser();
        String bob = newUser();
        put(alice, "{\"timeZone\": \"Asia/Tokyo\", \"birthYear\": 1980}").then().statusCode(200);

        given().auth().oauth2(personToken(alice)).when().get("/api/v1/profile")
                .then().statusCode(200).body("timeZone", equalTo("Asia/Tokyo")).body("birthYear", equalTo(1980));
        given().auth().oauth2(personToken(bob)).when().get("/api/v1/profile")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void eventWithoutAZoneIsPublishedWithTheProfilesZone() throws Exception {
        String user = newUser();
        put(user, "{\"timeZone\": \"America/New_York\"}").then().statusCode(200);
        OffsetDateTime end = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(5).truncatedTo(ChronoUnit.SECONDS);
        String withoutZone = """
                {"eventId": "%s", "type": "stretch", "start": "%s", "end": "%s"}""".formatted(UUID.randomUUID(), end.minusMinutes(2), end);
        String withZone = """
                {"eventId": "%s", "type": "stretch", "start": "%s", "end": "%s", "timeZone": "Europe/Paris"}"""
                .formatted(UUID.randomUUID(), end.minusMinutes(2), end);

        given().auth().oauth2(personToken(user)).contentType(ContentType.JSON).body("[" + withoutZone + "," + withZone + "]")
                .when().post("/api/v1/events").then().statusCode(200).body("accepted", equalTo(2));

        var records = TopicReader.read(bootstrapServers, Topics.ACTIVITY_EVENTS, r -> user.equals(r.key()), 2, Duration.ofSeconds(30));
        assertEquals("America/New_York", JSON.readTree(records.get(0).value()).get("timeZone").asText());
        assertEquals("Europe/Paris", JSON.readTree(records.get(1).value()).get("timeZone").asText());
    }

    @Test
    void badZoneAndBirthYearAreNamed() {
        put(newUser(), "{\"timeZone\": \"Mars/Olympus\", \"birthYear\": 1800}")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("timeZone", "birthYear"));
    }

    private static io.restassured.response.Response put(String user, String body) {
        return given().auth().oauth2(personToken(user)).contentType(ContentType.JSON).body(body).when().put("/api/v1/profile");
    }

    private static String newUser() {
        return "user-" + UUID.randomUUID();
    }
}
