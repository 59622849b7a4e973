package org.upright.activity.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.upright.localinfra.LocalInfraTestResource.personToken;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.upright.events.Topics;
import org.upright.localinfra.LocalInfraTestResource;
import org.upright.localinfra.TopicReader;

/** Wearables that sync over mobile networks compress their batches: gzip and deflate bodies are read as sent. */
@QuarkusTest
@WithTestResource(LocalInfraTestResource.class)
class CompressedBodyTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void aGzippedBatchIsReadAsSent() throws IOException {
        String userId = "user-" + UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        String batch = "[" + EventResourceTest.exercise(first, "walking", 20) + "," + EventResourceTest.exercise(second, "cycling", 30) + "]";

        given().auth().oauth2(personToken(userId)).contentType(ContentType.JSON).header("Content-Encoding", "gzip")
                .body(gzip(batch.getBytes(StandardCharsets.UTF_8)))
                .when().post("/api/v1/events")
                .then().statusCode(200).body("accepted", equalTo(2));

        Set<String> published = TopicReader.read(bootstrapServers, Topics.ACTIVITY_EVENTS, record -> userId.equals(record.key()), 2,
                Duration.ofSeconds(30)).stream().map(record -> TopicReader.header(record, "ce_id")).collect(Collectors.toSet());
        assertEquals(Set.of(first.toString(), second.toString()), published);
    }

    @Test
    void aDeflatedNdjsonStreamIsReadAsSent() throws IOException {
        String lines = EventResourceTest.exercise(UUID.randomUUID(), "walking", 10).trim() + "\n"
                + EventResourceTest.exercise(UUID.randomUUID(), "running", 10).trim() + "\n";

        given().auth().oauth2(personToken("user-" + UUID.randomUUID())).contentType(EventResource.NDJSON)
                .header("Content-Encoding", "deflate")
                .body(deflate(lines.getBytes(StandardCharsets.UTF_8)))
                .when().post("/api/v1/events")
                .then().statusCode(200).body("accepted", equalTo(2));
    }

    @Test
    void aSmallBodyThatInflatesPastTheLimitIsRefusedWith413() throws IOException {
        // 64 MiB of spaces inside an array: about 64 KiB gzipped
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write('[');
            byte[] spaces = " ".repeat(1024 * 1024).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 64; i++) {
                gzip.write(spaces);
            }
            gzip.write(']');
        }
        String token = personToken("user-" + UUID.randomUUID());

        given().auth().oauth2(token).contentType(ContentType.JSON).header("Content-Encoding", "gzip").body(bytes.toByteArray())
                .when().post("/api/v1/events")
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("detail", containsString("inflated"));

        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(EventResourceTest.exercise(UUID.randomUUID(), "walking", 10))
                .when().post("/api/v1/events")
                .then().statusCode(202);
    }

    @Test
    void aContentCodingThatIsNotReadIsRefusedWith415NamingTheOnesThatAre() {
        given().auth().oauth2(personToken("user-" + UUID.randomUUID())).contentType(ContentType.JSON).header("Content-Encoding", "br")
                .body(new byte[] {0x0b, 0x02, (byte) 0x80, 0x7b, 0x7d, 0x03})
                .when().post("/api/v1/events")
                .then().statusCode(415)
                .contentType("application/problem+json")
                .header("Accept-Encoding", "gzip, deflate")
                .body("detail", containsString("br"))
                .body("detail", containsString("gzip"));
    }

    @Test
    void aBodyThatIsNotTheGzipItClaimsIsABadRequest() {
        given().auth().oauth2(personToken("user-" + UUID.randomUUID())).contentType(ContentType.JSON).header("Content-Encoding", "gzip")
                .body(EventResourceTest.exercise(UUID.randomUUID(), "walking", 10))
                .when().post("/api/v1/events")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:upright:problem:malformed-body"))
                .body("detail", containsString("not valid gzip"));
    }

    @Test
    void aContentTypeThatIsNotTakenIsRefusedSayingWhatIs() {
        given().auth().oauth2(personToken("user-" + UUID.randomUUID())).contentType(ContentType.TEXT)
                .body(EventResourceTest.exercise(UUID.randomUUID(), "walking", 10))
                .when().post("/api/v1/events")
                .then().statusCode(415)
                .contentType("application/problem+json")
                .body("detail", containsString("text/plain"))
                .body("detail", containsString("/q/openapi"));
    }

    private static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        write(new GZIPOutputStream(bytes), plain);
        return bytes.toByteArray();
    }

    private static byte[] deflate(byte[] plain) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        write(new DeflaterOutputStream(bytes), plain);
        return bytes.toByteArray();
    }

    private static void write(OutputStream compressing, byte[] plain) throws IOException {
        try (compressing) {
            compressing.write(plain);
        }
    }
}
