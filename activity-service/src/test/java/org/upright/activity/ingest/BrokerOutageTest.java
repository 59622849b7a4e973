package org.upright.activity.ingest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.upright.localinfra.LocalInfraTestResource;
import org.upright.localinfra.LocalKafka;

/**
 * The broker goes away: no event is accepted and no profile changed that it did not store,
 * readiness says so, and both come back by themselves.
 */
@QuarkusTest
@WithTestResource(LocalInfraTestResource.class)
class BrokerOutageTest {

    @Test
    void frozenBrokerMeans503AndNotReadyThenIngestionResumesByItself() {
        LocalKafka kafka = LocalInfraTestResource.kafka().orElse(null);
        Assumptions.assumeTrue(kafka != null, "needs the broker this JVM started");
        String user = "user-" + UUID.randomUUID();
        String token = LocalInfraTestResource.personToken(user);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(EventResourceTest.exercise(UUID.randomUUID(), "walking", 10))
                .when().post("/api/v1/events").then().statusCode(202);

        kafka.freeze();
        try {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(EventResourceTest.exercise(UUID.randomUUID(), "walking", 10))
                    .when().post("/api/v1/events")
                    .then().statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", notNullValue());
            given().when().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
        } finally {
            kafka.thaw();
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().auth().oauth2(token).contentType(ContentType.JSON)
                        .body(EventResourceTest.exercise(UUID.randomUUID(), "walking", 10))
                        .when().post("/api/v1/events").then().statusCode(202));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().when().get("/q/health/ready").then().statusCode(200));
    }

    @Test
    void frozenBrokerMeans503ForAProfileChangeAndTheOldProfileStays() {
        LocalKafka kafka = LocalInfraTestResource.kafka().orElse(null);
        Assumptions.assumeTrue(kafka != null, "needs the broker this JVM started");
        String token = LocalInfraTestResource.personToken("user-" + UUID.randomUUID());
        putProfile(token, "Asia/Tokyo").then().statusCode(200);

        kafka.freeze();
        try {
            putProfile(token, "Europe/Lisbon")
                    .then().statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", notNullValue());
        } finally {
            kafka.thaw();
        }

        given().auth().oauth2(token).when().get("/api/v1/profile")
                .then().statusCode(200).body("timeZone", equalTo("Asia/Tokyo"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                putProfile(token, "Europe/Lisbon").then().statusCode(200));
    }

    private static Response putProfile(String token, String timeZone) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"timeZone\": \"" + timeZone + "\"}")
                .when().put("/api/v1/profile");
    }
}
