package org.upright.activity.devices;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasKey;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static org.upright.localinfra.LocalInfraTestResource.personToken;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.upright.events.Topics;
import org.upright.localinfra.LocalInfraTestResource;
import org.upright.localinfra.TopicReader;

@QuarkusTest
@WithTestResource(LocalInfraTestResource.class)
class DeviceResourceTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ActiveDevices activeDevices;

    @Inject
    DataSource dataSource;

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

    /** What another instance's revocation does: the row changes and the token's hash is announced as the transaction commits. */
    @Test
    void aTokenKnownHereIsRefusedOnceAnotherInstanceRevokesIt() throws SQLException {
        JsonPath device = register(newUser(), "band");
        String token = device.getString("token");
        postsWith(token, 202);
        assertTrue(activeDevices.known(token).isPresent(), "a device that posted is known without a query");

        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement revoke = connection.createStatement()) {
                revoke.executeUpdate("update activity.device set revoked_at = now() where id = '" + device.getString("id") + "'");
                revoke.execute("notify device_revoked, '" + HexFormat.of().formatHex(DeviceTokens.hash(token)) + "'");
            }
            connection.commit();
        }

        await().atMost(Duration.ofSeconds(5)).until(() -> activeDevices.known(token).isEmpty());
        postsWith(token, 401);
    }

    /** Announced before it commits, another instance could cache the token again from the row not yet revoked. */
    @Test
    void aRevocationIsAnnouncedWhenItCommitsAndNotBefore() throws SQLException {
        String key = HexFormat.of().formatHex(DeviceTokens.hash("upr_dev_" + UUID.randomUUID()));
        try (Connection listener = dataSource.getConnection(); Statement listen = listener.createStatement()) {
            listen.execute("listen device_revoked");
            PGConnection notifications = listener.unwrap(PGConnection.class);

            QuarkusTransaction.requiringNew().run(() -> {
                activeDevices.revokedInThisTransaction(HexFormat.of().parseHex(key));
                assertEquals(List.of(), parameters(notifications, 500));
            });

            assertEquals(List.of(key), parameters(notifications, 5_000));
            listen.execute("unlisten device_revoked");
        }
    }

    private static List<String> parameters(PGConnection notifications, int waitMillis) {
        try {
            PGNotification[] received = notifications.getNotifications(waitMillis);
            return received == null ? List.of() : Arrays.stream(received).map(PGNotification::getParameter).toList();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A revocation announced while no one listened was missed: nothing known before may be trusted after. */
    @Test
    void whatWasKnownIsForgottenWhenTheListeningConnectionBreaks() throws SQLException {
        JsonPath device = register(newUser(), "band");
        String token = device.getString("token");
        postsWith(token, 202);
        assertTrue(activeDevices.known(token).isPresent());

        assertEquals(1, execute("select count(pg_terminate_backend(pid)) from pg_stat_activity where query = 'listen device_revoked'"));
        await().atMost(Duration.ofSeconds(5)).until(() -> activeDevices.known(token).isEmpty());
        execute("update activity.device set revoked_at = now() where id = '" + device.getString("id") + "'");
        postsWith(token, 401);

        await().atMost(Duration.ofSeconds(10)).until(() ->
                execute("select count(*) from pg_stat_activity where query = 'listen device_revoked' and state = 'idle'") == 1);
        String another = register(newUser(), "band").getString("token");
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            postsWith(another, 202);
            return activeDevices.known(another).isPresent();
        });
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

    private static void postsWith(String token, int status) {
        given().auth().oauth2(token).contentType(ContentType.JSON).body(exercise(UUID.randomUUID()))
                .when().post("/api/v1/events")
                .then().statusCode(status);
    }

    private long execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            if (statement.execute(sql)) {
                try (ResultSet rows = statement.getResultSet()) {
                    rows.next();
                    return rows.getLong(1);
                }
            }
            return statement.getUpdateCount();
        }
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
