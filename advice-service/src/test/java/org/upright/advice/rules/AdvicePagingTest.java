package org.upright.advice.rules;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.upright.advice.flow.Flow;
import org.upright.events.Severity;
import org.upright.localinfra.LocalInfraTestResource;

/** Advice issued in one batch shares its issuedAt; paging must go on inside such a group. */
@QuarkusTest
@WithTestResource(LocalInfraTestResource.class)
class AdvicePagingTest {

    @Inject
    AdviceIssuer issuer;

    @Test
    void pagingOneAtATimeThroughAdviceIssuedTogetherMissesNoneAndRepeatsNone() {
        String user = Flow.newUser();
        List<AdviceIssuer.Issue> together = List.of(issue(user, "2026-11-24"), issue(user, "2026-11-25"), issue(user, "2026-11-26"));
        assertEquals(3, QuarkusTransaction.requiringNew().call(() -> issuer.issueAll(together)));

        List<String> paged = new ArrayList<>();
        Map<String, Object> cursor = Map.of();
        for (int page = 0; page <= together.size(); page++) {
            List<Map<String, Object>> items = given().auth().oauth2(LocalInfraTestResource.personToken(user))
                    .queryParams(cursor).queryParam("limit", 1)
                    .when().get("/api/v1/users/{user}/advice", user).then().statusCode(200).extract().path("");
            if (items.isEmpty()) {
                break;
            }
            paged.add((String) items.get(0).get("period"));
            cursor = Map.of("before", items.get(0).get("issuedAt"), "beforeId", items.get(0).get("adviceId"));
        }

        assertEquals(List.of("2026-11-24", "2026-11-25", "2026-11-26"), paged.stream().sorted().toList());
    }

    private static AdviceIssuer.Issue issue(String user, String day) {
        return new AdviceIssuer.Issue(user, new AdviceDraft(LongDayRule.ID, day, day, Severity.WARNING,
                "You sat for 9 hours.", 540, 480, "min", LongDayRule.SOURCE));
    }
}
