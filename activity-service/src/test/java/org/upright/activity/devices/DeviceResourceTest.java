package org.upright.activity.devices;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasKey;
import static org.junit.jupiter.api.Assertions.assertEquals;

import static org.upright.localinfra.LocalInfraTestResource.personToken;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.upright.events.Topics;
import org.upright.localinfra.LocalInfraTestResource;
import org.upright.localinfra.TopicReader;

@QuarkusTest
@WithTestResource(LocalInfraTestResource.class)
class DeviceResourceTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void registeredDeviceGetsItsTokenOnceAndPostsForItsOwner() {
        String user = newUser();
        JsonPath device = register(user, "left wrist");
        String token = device.getString("token");

        given().auth().oauth2(personToken(user)).when().get("/api/v1/devices")
                .then().statusCode(200)
                .body("", hasSize(1))
                .body("[0].name", equalTo("left wrist"))
                .body("[0].active", equalTo(true))
                .body("[0]", not(hasKey("token")));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(exercise(UUID.randomUUID()))
                .when().post("/api/v1/events")
                .then().statusCode(202);

        ConsumerRecord<String, String> record = TopicReader.read(bootstrapServers, Topics.ACTIVITY_EVENTS,
                r -> user.equals(r.key()), 1, Duration.ofSeconds(30)).get(0);
        assertEquals("/devices/" + device.getString("id"), TopicReader.header(record, "ce_source"));
    }

    @Test
    void tokenIsTwoHundredFiftySixRandomBits() {
        String token = register(newUser(), "phone").getString("token");

        // upr_dev_ + 32 bytes in unpadded base64url = 43 characters
        org.hamcrest.MatcherAssert.assertThat(token, matchesPattern("upr_dev_[A-Za-z0-9_-]{43}"));
    }

    @Test
    void revokedTokenIsRefusedAtOnce() {
        String user = newUser();
        JsonPath device = register(user, "old band");
        String token = device.getString("token");
        given().auth().oauth2(token).contentType(ContentType.JSON).body(exercise(UUID.randomUUID()))
                .when().post("/api/v1/events").then().statusCode(202);

        given().auth().oauth2(personToken(user)).when().delete("/api/v1/devices/{id}", device.getString("id"))
                .then().statusCode(204);

        given().auth().oauth2(token).contentType(ContentType.JSON).body(exercise(UUID.randomUUID()))
                .when().post("/api/v1/events")
                .then().statusCode(401)
                .contentType("application/problem+json");
        given().auth().oauth2(personToken(user)).when().get("/api/v1/devices")
                .then().body("[0].active", equalTo(false));
    }

    @Test
    void deviceCanBeRenamed() {
        String user = newUser();
        String id = register(user, "band").getString("id");

        given().auth().oauth2(personToken(user)).contentType(ContentType.JSON).body("{\"name\": \"blue band\"}")
                .when().patch("/api/v1/devices/{id}", id)
                .then().statusCode(200).body("name", equalTo("blue band"));
    }

    @Test
    void anotherPersonCanNeitherSeeNorRenameNorRevokeMyDevice() {
        String owner = newUser();
        String intruder = newUser();
        String id = register(owner, "band").getString("id");

        given().auth().oauth2(personToken(intruder)).when().get("/api/v1/devices").then().statusCode(200).body("", hasSize(0));
        given().auth().oauth2(personToken(intruder)).contentType(ContentType.JSON).body("{\"name\": \"mine now\"}")
                .when().patch("/api/v1/devices/{id}", id).then().statusCode(404);
        given().auth().oauth2(personToken(intruder)).when().delete("/api/v1/devices/{id}", id).then().statusCode(404);
        given().auth().oauth2(personToken(owner)).when().get("/api/v1/devices")
                .then().body("[0].name", equalTo("band")).body("[0].active", equalTo(true));
    }

    @Test
    void deviceTokenCannotManageDevices() {
        String token = register(newUser(), "band").getString("token");

        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"name\": \"another\"}")
                .when().post("/api/v1/devices")
                .then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void unknownDeviceTokenIsUnauthorized() {
        given().auth().oauth2("upr_dev_" + "A".repeat(43)).contentType(ContentType.JSON).body(exercise(UUID.randomUUID()))
                .when().post("/api/v1/events")
                .then().statusCode(401);
    }

    @Test
    void nameIsRequired() {
        given().auth().oauth2(personToken(newUser())).contentType(ContentType.JSON).body("{\"name\": \" \"}")
                .when().post("/api/v1/devices")
                .then().statusCode(400)
                .body("errors.field", equalTo(List.of("name")));
    }

    private static JsonPath register(String user, String name) {
        return given().auth().oauth2(personToken(user)).contentType(ContentType.JSON).body("{\"name\": \"" + name + "\"}")
                .when().post("/api/v1/devices")
                .then().statusCode(201)
                .extract().jsonPath();
    }

    private static String exercise(UUID eventId) {
        OffsetDateTime end = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(5).truncatedTo(ChronoUnit.SECONDS);
        return """
                {"eventId": "%s", "type": "exercise", "start": "%s", "end": "%s", "activity": "walking"}
                """.formatted(eventId, end.minusMinutes(20), end);
    }

    private static String newUser() {
        return "user-" + UUID.randomUUID();
    }
}
