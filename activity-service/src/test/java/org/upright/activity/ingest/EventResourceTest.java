package org.upright.activity.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.ClientProxy;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.jwt.auth.principal.JWTParser;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.upright.activity.security.RememberingJwtParser;
import org.upright.events.Topics;
import static org.upright.localinfra.LocalInfraTestResource.personToken;
import static org.upright.localinfra.TopicReader.header;

import org.upright.localinfra.LocalInfraTestResource;
import org.upright.localinfra.LocalJwtKeys;
import org.upright.localinfra.TopicReader;

@QuarkusTest
@WithTestResource(LocalInfraTestResource.class)
class EventResourceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    JWTParser jwtParser;

    @Test
    void acceptedExerciseIsOnTheTopicKeyedByUserWithCloudEventHeaders() throws Exception {
        String userId = "user-" + UUID.randomUUID();
        UUID eventId = UUID.randomUUID();

        given().auth().oauth2(personToken(userId)).contentType(ContentType.JSON)
                .body(exercise(eventId, "walking", 40))
                .when().post("/api/v1/events")
                .then().statusCode(202).body("eventId", equalTo(eventId.toString()));

        ConsumerRecord<String, String> record = recordsOf(userId, 1).get(0);
        assertEquals(userId, record.key());
        assertEquals(eventId.toString(), header(record, "ce_id"));
        assertEquals("org.upright.activity.recorded.v1", header(record, "ce_type"));
        assertEquals(userId, header(record, "ce_subject"));
        assertEquals("/users/" + userId, header(record, "ce_source"));
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

        given().auth().oauth2(personToken(userId)).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/events")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItems("end", "mets"))
                .body("detail", containsString("end must be after start"));

        UUID valid = UUID.randomUUID();
        given().auth().oauth2(personToken(userId)).contentType(ContentType.JSON)
                .body(exercise(valid, "running", 20))
                .when().post("/api/v1/events")
                .then().statusCode(202);
        // One person's records stay in order on one partition: had the refused one been published, it would come first.
        assertEquals(valid.toString(), header(recordsOf(userId, 1).get(0), "ce_id"));
    }

    @Test
    void userIdInTheBodyIsRefused() {
        String body = exercise(UUID.randomUUID(), "walking", 10).replace("{", "{\"userId\": \"someone-else\",");

        given().auth().oauth2(personToken("user-" + UUID.randomUUID())).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/events")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("userId"));
    }

    @Test
    void aBodyThatIsNoEventSaysSoPlainly() {
        given().auth().oauth2(personToken("user-" + UUID.randomUUID())).contentType(ContentType.JSON).body("")
                .when().post("/api/v1/events")
                .then().statusCode(400)
                .body("detail", equalTo("the body is empty: send one event or an array of events"));
        given().auth().oauth2(personToken("user-" + UUID.randomUUID())).contentType(ContentType.JSON).body("{\"eventId\": ")
                .when().post("/api/v1/events")
                .then().statusCode(400)
                .body("detail", startsWith("The body is not valid JSON: "));
    }

    /** Two events side by side, not in an array: the second must not be dropped behind a 202 for the first. */
    @Test
    void anythingAfterTheBodysJsonValueIsRefusedAndNothingIsPublished() {
        String user = "user-" + UUID.randomUUID();
        String first = exercise(UUID.randomUUID(), "walking", 10).trim();
        String second = exercise(UUID.randomUUID(), "running", 10).trim();
        given().auth().oauth2(personToken(user)).contentType(ContentType.JSON).body(first + " " + second)
                .when().post("/api/v1/events")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", equalTo("The body goes on after its JSON value ends: send one JSON value"));
        given().auth().oauth2(personToken(user)).contentType(EventResource.NDJSON)
                .body((first + " " + second + "\n").getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/events")
                .then().statusCode(200)
                .body("rejected", equalTo(1))
                .body("items[0].errors[0].message", equalTo("goes on after its JSON value ends: send one JSON value"));
        given().auth().oauth2(personToken(user)).contentType(ContentType.JSON).body(first)
                .when().post("/api/v1/events")
                .then().statusCode(202);
    }

    /** The contract says a number: "4" is refused rather than read as 4, so a client's bug shows at once. */
    @Test
    void aValueOfTheWrongJsonKindIsRefusedNotConverted() {
        String user = "user-" + UUID.randomUUID();
        String quotedMets = exercise(UUID.randomUUID(), "walking", 10).replace("{", "{\"mets\": \"4\",");
        String quotedFlag = exercise(UUID.randomUUID(), "walking", 10).replace("{", "{\"muscleStrengthening\": \"true\",");
        given().auth().oauth2(personToken(user)).contentType(ContentType.JSON).body(quotedMets)
                .when().post("/api/v1/events")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("mets"))
                .body("detail", equalTo("mets should be a number"));
        given().auth().oauth2(personToken(user)).contentType(ContentType.JSON).body("[" + quotedFlag + "]")
                .when().post("/api/v1/events")
                .then().statusCode(200)
                .body("rejected", equalTo(1))
                .body("items[0].errors[0].field", equalTo("muscleStrengthening"))
                .body("items[0].errors[0].message", equalTo("should be true or false"));
        UUID valid = UUID.randomUUID();
        given().auth().oauth2(personToken(user)).contentType(ContentType.JSON)
                .body(exercise(valid, "walking", 10).replace("{", "{\"mets\": 4,"))
                .when().post("/api/v1/events")
                .then().statusCode(202);
        // Had a refused one been published, it would come first on the person's partition.
        assertEquals(valid.toString(), header(recordsOf(user, 1).get(0), "ce_id"));
    }

    @Test
    void aDateTimeThatIsNoneIsRefusedNamingTheField() {
        String body = exercise(UUID.randomUUID(), "walking", 10).replaceFirst("\"start\": \"[^\"]+\"", "\"start\": \"2026-11-31T07:00:00Z\"");
        given().auth().oauth2(personToken("user-" + UUID.randomUUID())).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/events")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("start"))
                .body("detail", equalTo("start has the wrong format: '2026-11-31T07:00:00Z'"));
    }

    @Test
    void unknownTypeIsRefusedNamingTheField() {
        String body = exercise(UUID.randomUUID(), "walking", 10).replace("\"exercise\"", "\"dancing\"");

        given().auth().oauth2(personToken("user-" + UUID.randomUUID())).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/events")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("type"))
                .body("detail", not(containsString("org.upright")));
    }

    @Test
    void malformedJsonIsAProblemWithoutInternals() {
        given().auth().oauth2(personToken("user-" + UUID.randomUUID())).contentType(ContentType.JSON)
                .body("{\"eventId\": ")
                .when().post("/api/v1/events")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("title", equalTo("Malformed request body"))
                .body("detail", not(containsString("com.fasterxml")));
    }

    @Test
    void eachTypeIsAcceptedAndPublishedWithItsFields() throws Exception {
        String userId = "user-" + UUID.randomUUID();
        String start = minutesAgo(40);
        String end = minutesAgo(10);
        List<String> events = List.of(
                "{\"type\": \"sitting\", \"boutId\": \"b-7\", \"start\": \"%s\"}".formatted(start),
                "{\"type\": \"posture\", \"posture\": \"slouched\", \"start\": \"%s\", \"end\": \"%s\"}".formatted(start, end),
                "{\"type\": \"stretch\", \"start\": \"%s\", \"end\": \"%s\"}".formatted(start, end),
                "{\"type\": \"stress\", \"level\": 85, \"start\": \"%s\", \"end\": \"%s\"}".formatted(start, end),
                "{\"type\": \"symptom\", \"bodySite\": \"lower-back\", \"severity\": 7, \"kind\": \"spasm\", \"start\": \"%s\", \"end\": \"%s\"}"
                        .formatted(start, end),
                exercise(UUID.randomUUID(), "cycling", 20).trim());
        for (String event : events) {
            String body = event.startsWith("{\"eventId\"") ? event : event.replace("{", "{\"eventId\": \"" + UUID.randomUUID() + "\", ");
            given().auth().oauth2(personToken(userId)).contentType(ContentType.JSON).body(body)
                    .when().post("/api/v1/events")
                    .then().statusCode(202).body("status", equalTo("accepted"));
        }

        List<JsonNode> published = new java.util.ArrayList<>();
        for (ConsumerRecord<String, String> record : recordsOf(userId, events.size())) {
            published.add(JSON.readTree(record.value()));
        }
        assertEquals(List.of("sitting", "posture", "stretch", "stress", "symptom", "exercise"),
                published.stream().map(node -> node.get("type").asText()).toList());
        assertEquals("b-7", published.get(0).get("boutId").asText());
        assertEquals(false, published.get(0).has("end"), "an open bout has no end");
        assertEquals("slouched", published.get(1).get("posture").asText());
        assertEquals(85, published.get(3).get("level").asInt());
        assertEquals("spasm", published.get(4).get("kind").asText());
        assertEquals(7, published.get(4).get("severity").asInt());
    }

    /** Without a zone, the offset an event was recorded with decides its day and week downstream. */
    @Test
    void theOffsetAnEventWasRecordedWithIsPublishedAsPosted() throws Exception {
        String userId = "user-" + UUID.randomUUID();
        OffsetDateTime end = OffsetDateTime.now(ZoneOffset.ofHours(9)).minusMinutes(5).truncatedTo(ChronoUnit.SECONDS);
        OffsetDateTime westEnd = end.withOffsetSameInstant(ZoneOffset.ofHoursMinutes(-3, -30));
        String tokyo = exercise(UUID.randomUUID(), "walking", end.minusMinutes(10), end);
        String newfoundland = "[" + exercise(UUID.randomUUID(), "yoga", westEnd.minusMinutes(10), westEnd) + "]";

        given().auth().oauth2(personToken(userId)).contentType(ContentType.JSON).body(tokyo)
                .when().post("/api/v1/events").then().statusCode(202);
        given().auth().oauth2(personToken(userId)).contentType(ContentType.JSON).body(newfoundland)
                .when().post("/api/v1/events").then().statusCode(200).body("accepted", equalTo(1));

        List<JsonNode> published = new java.util.ArrayList<>();
        for (ConsumerRecord<String, String> record : recordsOf(userId, 2)) {
            published.add(JSON.readTree(record.value()));
        }
        // compared as date-times with their offsets: toString() leaves out seconds that are zero, the JSON does not
        assertEquals(List.of(end.minusMinutes(10), westEnd.minusMinutes(10)),
                published.stream().map(event -> OffsetDateTime.parse(event.get("start").asText())).toList());
        assertEquals(List.of(end, westEnd),
                published.stream().map(event -> OffsetDateTime.parse(event.get("end").asText())).toList());
    }

    @Test
    void batchAcceptsTheGoodItemsAndNamesEachBadOneByIndex() {
        String userId = "user-" + UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID third = UUID.randomUUID();
        String badMets = exercise(UUID.randomUUID(), "running", 10).replace("\"intensity\": \"moderate\"", "\"mets\": 40");
        String body = "[" + exercise(first, "walking", 10) + "," + badMets + "," + exercise(third, "running", 5)
                + ", \"not an event\", " + exercise(first, "walking", 10) + ", null]";

        given().auth().oauth2(personToken(userId)).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/events")
                .then().statusCode(200)
                .body("accepted", equalTo(2))
                .body("duplicates", equalTo(1))
                .body("rejected", equalTo(3))
                .body("items.status", equalTo(List.of("accepted", "rejected", "accepted", "rejected", "duplicate", "rejected")))
                .body("items[1].errors[0].field", equalTo("mets"))
                .body("items[1].errors[0].index", equalTo(1))
                .body("items[3].index", equalTo(3));

        assertEquals(List.of(first.toString(), third.toString()),
                recordsOf(userId, 2).stream().map(record -> header(record, "ce_id")).toList());
    }

    @Test
    void fullBatchesPostedTogetherAreAllAccepted() throws Exception {
        String userId = "user-" + UUID.randomUUID();
        java.util.concurrent.ExecutorService devices = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Integer>> accepted = new java.util.ArrayList<>();
            for (int device = 0; device < 4; device++) {
                accepted.add(devices.submit(() -> {
                    List<String> batch = new java.util.ArrayList<>();
                    for (int i = 0; i < 1000; i++) {
                        batch.add(exercise(UUID.randomUUID(), "walking", 10).trim());
                    }
                    return given().auth().oauth2(personToken(userId)).contentType(ContentType.JSON).body("[" + String.join(",", batch) + "]")
                            .when().post("/api/v1/events")
                            .then().statusCode(200).extract().path("accepted");
                }));
            }
            for (java.util.concurrent.Future<Integer> count : accepted) {
                assertEquals(1000, count.get());
            }
        } finally {
            devices.shutdown();
        }
    }

    @Test
    void nullInAnOtherwiseReadableBatchIsRejectedAlone() {
        given().auth().oauth2(personToken("user-" + UUID.randomUUID())).contentType(ContentType.JSON)
                .body("[" + exercise(UUID.randomUUID(), "walking", 10) + ", null]")
                .when().post("/api/v1/events")
                .then().statusCode(200)
                .body("items.status", equalTo(List.of("accepted", "rejected")));
    }

    @Test
    void ndjsonStreamIsReadLineByLine() {
        String userId = "user-" + UUID.randomUUID();
        String body = exercise(UUID.randomUUID(), "walking", 10).trim() + "\n"
                + "{\"eventId\": \n"
                + exercise(UUID.randomUUID(), "yoga", 15).trim() + "\n";

        given().auth().oauth2(personToken(userId)).contentType("application/x-ndjson")
                .body(body.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/events")
                .then().statusCode(200)
                .body("accepted", equalTo(2))
                .body("rejected", equalTo(1))
                .body("items[1].errors[0].index", equalTo(1));
        recordsOf(userId, 2);
    }

    @Test
    void repostedEventIsAnsweredAsADuplicateAndPublishedOnce() {
        String userId = "user-" + UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        String event = exercise(eventId, "walking", 30);

        given().auth().oauth2(personToken(userId)).contentType(ContentType.JSON).body(event)
                .when().post("/api/v1/events").then().statusCode(202).body("status", equalTo("accepted"));
        given().auth().oauth2(personToken(userId)).contentType(ContentType.JSON).body(event)
                .when().post("/api/v1/events").then().statusCode(200).body("status", equalTo("duplicate"));
        // the same id from another person is that person's own event
        given().auth().oauth2(personToken(userId + "-other")).contentType(ContentType.JSON).body(event)
                .when().post("/api/v1/events").then().statusCode(202);

        assertEquals(1, TopicReader.read(bootstrapServers, Topics.ACTIVITY_EVENTS,
                record -> userId.equals(record.key()), 2, Duration.ofSeconds(5)).size());
    }

    @Test
    void openMHealthDataPointsAreImportedAsExerciseAndReimportsAreDuplicates() throws Exception {
        String userId = "user-" + UUID.randomUUID();
        UUID pointId = UUID.randomUUID();
        String points = """
                [{"header": {"uuid": "%s", "schema_id": {"namespace": "omh", "name": "physical-activity", "version": "1.2"}},
                  "body": {"activity_name": "cycling", "reported_activity_intensity": "vigorous", "met_value": 6.8,
                           "effective_time_frame": {"time_interval": {"start_date_time": "%s", "duration": {"value": 25, "unit": "min"}}}}},
                 {"header": {"uuid": "%s", "schema_id": {"name": "blood-pressure"}}, "body": {}}]
                """.formatted(pointId, minutesAgo(40), UUID.randomUUID());

        given().auth().oauth2(personToken(userId)).contentType(ContentType.JSON).body(points)
                .when().post("/api/v1/events/open-mhealth")
                .then().statusCode(200)
                .body("items.status", equalTo(List.of("accepted", "rejected")))
                .body("items[1].errors[0].field", equalTo("header.schema_id.name"));
        given().auth().oauth2(personToken(userId)).contentType(ContentType.JSON).body(points)
                .when().post("/api/v1/events/open-mhealth")
                .then().statusCode(200)
                .body("items[0].status", equalTo("duplicate"));

        JsonNode published = JSON.readTree(recordsOf(userId, 1).get(0).value());
        assertEquals(pointId.toString(), published.get("eventId").asText());
        assertEquals("exercise", published.get("type").asText());
        assertEquals("cycling", published.get("activity").asText());
        assertEquals("vigorous", published.get("intensity").asText());
        assertEquals(6.8, published.get("mets").asDouble());
    }

    @Test
    void bodyOverOneMebibyteIsRefusedWith413() {
        String padding = " ".repeat(1024 * 1024);
        given().auth().oauth2(personToken("user-" + UUID.randomUUID())).contentType(ContentType.JSON)
                .body("[" + exercise(UUID.randomUUID(), "walking", 10) + padding + "]")
                .when().post("/api/v1/events")
                .then().statusCode(413)
                .contentType("application/problem+json");
    }

    @Test
    void bodyOverTheServersOwnLimitIsRefusedWith413Unread() {
        String padding = " ".repeat(3 * 1024 * 1024);
        given().auth().oauth2(personToken("user-" + UUID.randomUUID())).contentType(ContentType.JSON)
                .body("[" + exercise(UUID.randomUUID(), "walking", 10) + padding + "]")
                .when().post("/api/v1/events")
                .then().statusCode(413);
    }

    @Test
    void batchOfMoreThanAThousandEventsIsRefusedWith413() {
        String event = exercise(UUID.randomUUID(), "walking", 10).trim();
        String body = "[" + String.join(",", java.util.Collections.nCopies(1001, event)) + "]";

        given().auth().oauth2(personToken("user-" + UUID.randomUUID())).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/events")
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("detail", containsString("1000"));
    }

    @Test
    void deviceThatPostsTooFastIsToldToWait() {
        String token = personToken("user-" + UUID.randomUUID());
        int limited = 0;
        String retryAfter = null;
        for (int i = 0; i < 40 && limited == 0; i++) {
            io.restassured.response.Response response = given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body("[]").when().post("/api/v1/events");
            if (response.statusCode() == 429) {
                limited++;
                retryAfter = response.header("Retry-After");
                response.then().contentType("application/problem+json");
            }
        }
        assertEquals(1, limited, "the default burst is 20 requests");
        assertEquals("1", retryAfter);
    }

    @Test
    void eventWithoutCredentialsIsUnauthorized() {
        given().contentType(ContentType.JSON).body(exercise(UUID.randomUUID(), "walking", 10))
                .when().post("/api/v1/events")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer");
    }

    @Test
    void tokenSignedByAnotherKeyIsUnauthorized() throws Exception {
        String forged = LocalJwtKeys.inDirectory(java.nio.file.Files.createTempDirectory("forger"))
                .mint("user-" + UUID.randomUUID(), Set.of("user"), Duration.ofHours(1));

        given().auth().oauth2(forged).contentType(ContentType.JSON).body(exercise(UUID.randomUUID(), "walking", 10))
                .when().post("/api/v1/events")
                .then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void aTokenAcceptedBeforeIsRefusedOnceItsSignatureIsAltered() {
        String userId = "user-" + UUID.randomUUID();
        String token = personToken(userId);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(exercise(UUID.randomUUID(), "walking", 10))
                .when().post("/api/v1/events")
                .then().statusCode(202);
        String signature = token.substring(token.lastIndexOf('.') + 1);
        String altered = token.substring(0, token.lastIndexOf('.') + 1)
                + (signature.charAt(0) == 'A' ? 'B' : 'A') + signature.substring(1);

        given().auth().oauth2(altered).contentType(ContentType.JSON).body(exercise(UUID.randomUUID(), "walking", 10))
                .when().post("/api/v1/events")
                .then().statusCode(401);
        assertInstanceOf(RememberingJwtParser.class, ClientProxy.unwrap(jwtParser), "the parser that verifies people's tokens");
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

    static String exercise(UUID eventId, String activity, int minutes) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        return exercise(eventId, activity, now.minusMinutes(minutes + 5), now.minusMinutes(5));
    }

    private static String exercise(UUID eventId, String activity, OffsetDateTime start, OffsetDateTime end) {
        return """
                {"eventId": "%s", "type": "exercise", "start": "%s", "end": "%s", "activity": "%s", "intensity": "moderate"}
                """.formatted(eventId, start, end, activity);
    }

    private static String minutesAgo(int minutes) {
        return OffsetDateTime.now(ZoneOffset.ofHours(1)).minusMinutes(minutes).truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
