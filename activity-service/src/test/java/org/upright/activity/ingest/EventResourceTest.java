package org.upright.activity.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.upright.events.Topics;
import org.upright.localinfra.LocalInfraTestResource;
import org.upright.localinfra.TopicReader;

@QuarkusTest
@WithTestResource(LocalInfraTestResource.class)
class EventResourceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void acceptedExerciseIsOnTheTopicKeyedByUserWithCloudEventHeaders() throws Exception {
        String userId = "user-" + UUID.randomUUID();
        UUID eventId = UUID.randomUUID();

        given().header(EventResource.USER_HEADER, userId).contentType(ContentType.JSON)
                .body(exercise(eventId, "walking", 40))
                .when().post("/api/v1/events")
                .then().statusCode(202).body("eventId", equalTo(eventId.toString()));

        ConsumerRecord<String, String> record = recordsOf(userId, 1).get(0);
        assertEquals(userId, record.key());
        assertEquals(eventId.toString(), header(record, "ce_id"));
        assertEquals("org.upright.activity.recorded.v1", header(record, "ce_type"));
        assertEquals(userId, header(record, "ce_subject"));
        assertEquals("1.0", header(record, "ce_specversion"));
        JsonNode value = JSON.readTree(record.value());
        assertEquals(eventId.toString(), value.get("eventId").asText());
        assertEquals(userId, value.get("userId").asText());
        assertEquals("exercise", value.get("type").asText());
        assertEquals("walking", value.get("activity").asText());
    }

    @Test
    void invalidEventIsRefusedNamingEachFieldAndNothingIsPublished() {
        String userId = "user-" + UUID.randomUUID();
        String body = """
                {"eventId": "%s", "type": "exercise", "start": "%s", "end": "%s", "activity": "running", "mets": 30}
                """.formatted(UUID.randomUUID(), minutesAgo(30), minutesAgo(60));

        given().header(EventResource.USER_HEADER, userId).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/events")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItems("end", "mets"))
                .body("detail", containsString("end must be after start"));

        UUID valid = UUID.randomUUID();
        given().header(EventResource.USER_HEADER, userId).contentType(ContentType.JSON)
                .body(exercise(valid, "running", 20))
                .when().post("/api/v1/events")
                .then().statusCode(202);
        // One person's records stay in order on one partition: had the refused one been published, it would come first.
        assertEquals(valid.toString(), header(recordsOf(userId, 1).get(0), "ce_id"));
    }

    @Test
    void userIdInTheBodyIsRefused() {
        String body = exercise(UUID.randomUUID(), "walking", 10).replace("{", "{\"userId\": \"someone-else\",");

        given().header(EventResource.USER_HEADER, "user-" + UUID.randomUUID()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/events")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("userId"));
    }

    @Test
    void unknownTypeIsRefusedNamingTheField() {
        String body = exercise(UUID.randomUUID(), "walking", 10).replace("\"exercise\"", "\"dancing\"");

        given().header(EventResource.USER_HEADER, "user-" + UUID.randomUUID()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/events")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("type"))
                .body("detail", not(containsString("org.upright")));
    }

    @Test
    void malformedJsonIsAProblemWithoutInternals() {
        given().header(EventResource.USER_HEADER, "user-" + UUID.randomUUID()).contentType(ContentType.JSON)
                .body("{\"eventId\": ")
                .when().post("/api/v1/events")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("title", equalTo("Malformed request body"))
                .body("detail", not(containsString("com.fasterxml")));
    }

    @Test
    void eventWithoutAUserIsUnauthorized() {
        given().contentType(ContentType.JSON).body(exercise(UUID.randomUUID(), "walking", 10))
                .when().post("/api/v1/events")
                .then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void readinessCoversKafkaAndTheDatabase() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Kafka connection health check", "Database connections health check"));
    }

    @Test
    void metricsAndOpenApiAreServed() {
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
        given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).body(containsString("/api/v1/events"));
    }

    private List<ConsumerRecord<String, String>> recordsOf(String userId, int wanted) {
        List<ConsumerRecord<String, String>> records = TopicReader.read(bootstrapServers, Topics.ACTIVITY_EVENTS,
                record -> userId.equals(record.key()), wanted, Duration.ofSeconds(30));
        assertEquals(wanted, records.size(), "records of " + userId + " on " + Topics.ACTIVITY_EVENTS);
        return records;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    static String exercise(UUID eventId, String activity, int minutes) {
        return """
                {"eventId": "%s", "type": "exercise", "start": "%s", "end": "%s", "activity": "%s", "intensity": "moderate"}
                """.formatted(eventId, minutesAgo(minutes + 5), minutesAgo(5), activity);
    }

    private static String minutesAgo(int minutes) {
        return OffsetDateTime.now(ZoneOffset.ofHours(1)).minusMinutes(minutes).truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
