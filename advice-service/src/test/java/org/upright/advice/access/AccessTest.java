package org.upright.advice.access;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.upright.advice.flow.Flow;
import org.upright.events.RuleIds;
import org.upright.localinfra.LocalInfraTestResource;

/** A person reads only their own weeks and advice; admin reads all; the rule catalogue is public. */
@QuarkusTest
@WithTestResource(LocalInfraTestResource.class)
class AccessTest {

    @Test
    void withoutATokenTheAnswerIsA401Problem() {
        given().when().get("/api/v1/users/{user}/advice", Flow.newUser())
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aPageOnAnAllowedOriginMayReadTheWeeksAndNoOtherMay() {
        given().header("Origin", "https://app.upright.example").header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization")
                .when().options("/api/v1/users/{user}/weeks/2026-W48", Flow.newUser())
                .then().header("Access-Control-Allow-Origin", equalTo("https://app.upright.example"));
        given().header("Origin", "https://elsewhere.example").header("Access-Control-Request-Method", "GET")
                .when().options("/api/v1/users/{user}/weeks/2026-W48", Flow.newUser())
                .then().header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void anotherPersonsDataIsA403Problem() {
        given().auth().oauth2(LocalInfraTestResource.personToken(Flow.newUser()))
                .when().get("/api/v1/users/{user}/weeks/2026-W48", Flow.newUser())
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(LocalInfraTestResource.personToken(Flow.newUser()))
                .when().get("/api/v1/users/{user}/advice", Flow.newUser())
                .then().statusCode(403);
    }

    @Test
    void adminReadsAnyone() {
        String admin = LocalInfraTestResource.jwtKeys().mint("ops", Set.of("admin"), Duration.ofMinutes(5));
        given().auth().oauth2(admin).when().get("/api/v1/users/{user}/weeks/2026-W48", Flow.newUser())
                .then().statusCode(200).body("moderateEquivalentMinutes", equalTo(0.0f));
    }

    @Test
    void badPagingAndRangesAreProblemsNamingTheField() {
        String user = Flow.newUser();
        String token = LocalInfraTestResource.personToken(user);
        given().auth().oauth2(token).when().get("/api/v1/users/{user}/advice?limit=0", user)
                .then().statusCode(400).body("errors.field", hasItems("limit"));
        given().auth().oauth2(token).when().get("/api/v1/users/{user}/advice?before=yesterday", user)
                .then().statusCode(400).body("errors.field", hasItems("before"));
        given().auth().oauth2(token).when().get("/api/v1/users/{user}/advice?before=2026-11-24T08:00:00Z&beforeId=last", user)
                .then().statusCode(400).body("errors.field", hasItems("beforeId"));
        given().auth().oauth2(token).when().get("/api/v1/users/{user}/advice?beforeId=5f1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b", user)
                .then().statusCode(400).body("errors.field", hasItems("beforeId"));
        given().auth().oauth2(token).when().get("/api/v1/users/{user}/weeks?from=2026-W48&to=2026-W40", user)
                .then().statusCode(400).body("errors.field", hasItems("to"));
        given().auth().oauth2(token).when().get("/api/v1/users/{user}/weeks?from=2025-W01&to=2026-W40", user)
                .then().statusCode(400).body("errors.field", hasItems("to"));
    }

    @Test
    void theCatalogueListsEveryRuleWithItsSource() {
        given().when().get("/api/v1/rules")
                .then().statusCode(200)
                .body("id", equalTo(RuleIds.ALL))
                .body("source.document", everyItem(notNullValue()))
                .body("source.section", everyItem(notNullValue()))
                .body("find { it.id == 'sitting-hourly-break' }.firesWhen", equalTo("a sitting bout reaches 50 minutes; an open bout is nudged at that moment"))
                .body("find { it.id == 'pain-see-doctor' }.severity", equalTo("urgent"));
    }
}
