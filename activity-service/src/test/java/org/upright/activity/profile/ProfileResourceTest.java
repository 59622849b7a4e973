package org.upright.activity.profile;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.upright.localinfra.LocalInfraTestResource.personToken;
import static org.upright.localinfra.TopicReader.header;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
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
    void aPageOnAnAllowedOriginMaySetTheProfileAndNoOtherMay() {
        given().header("Origin", "https://app.upright.example").header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .when().options("/api/v1/profile")
                .then().header("Access-Control-Allow-Origin", equalTo("https://app.upright.example"));
        given().header("Origin", "https://elsewhere.example").header("Access-Control-Request-Method", "PUT")
                .when().options("/api/v1/profile")
                .then().header("Access-Control-Allow-Origin", nullValue());
    }

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
    void eachChangeIsPublishedOnceKeyedByThePersonWithCloudEventHeaders() throws Exception {
        String user = newUser();
        put(user, "{\"timeZone\": \"Asia/Tokyo\", \"birthYear\": 1980}").then().statusCode(200);
        put(user, "{\"timeZone\": \"Europe/Lisbon\"}").then().statusCode(200);

        // One partition per key keeps the order: the second record being the second change means the
        // first PUT published exactly one.
        List<ConsumerRecord<String, String>> records = TopicReader.read(bootstrapServers, Topics.PROFILES,
                record -> user.equals(record.key()), 2, Duration.ofSeconds(30));
        assertEquals(2, records.size(), "records of " + user + " on " + Topics.PROFILES);
        ConsumerRecord<String, String> first = records.get(0);
        assertEquals("1.0", header(first, "ce_specversion"));
        UUID.fromString(header(first, "ce_id"));
        assertEquals("org.upright.profile.changed.v1", header(first, "ce_type"));
        assertEquals("/activity-service", header(first, "ce_source"));
        assertEquals(user, header(first, "ce_subject"));
        assertEquals("application/json", header(first, "content-type"));
        JsonNode value = JSON.readTree(first.value());
        assertEquals(user, value.get("userId").asText());
        assertEquals("Asia/Tokyo", value.get("timeZone").asText());
        assertEquals(1980, value.get("birthYear").asInt());
        assertEquals(Instant.parse(header(first, "ce_time")), Instant.parse(value.get("updatedAt").asText()));

        JsonNode second = JSON.readTree(records.get(1).value());
        assertEquals("Europe/Lisbon", second.get("timeZone").asText());
        assertFalse(second.has("birthYear"));
        assertNotEquals(header(first, "ce_id"), header(records.get(1), "ce_id"));
    }

    @Test
    void profilesTopicIsCompacted() throws Exception {
        ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.PROFILES);
        try (Admin admin = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Config config = admin.describeConfigs(List.of(topic)).all().get(30, TimeUnit.SECONDS).get(topic);
            assertEquals(TopicConfig.CLEANUP_POLICY_COMPACT, config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value());
        }
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
