package org.upright.advice.rules;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.upright.advice.access.Access;
import org.upright.events.AdviceIssued;
import org.upright.problems.InvalidRequestException;
import org.upright.problems.QueryParams;

/** A person's advice, newest first, as it was published on advice-issued. */
@Path("/api/v1/users/{userId}/advice")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class AdviceResource {

    static final int MAX_LIMIT = 200;
    static final String EXAMPLE = """
            [{"adviceId": "6f1c2a7e-3b9d-4c55-9a8e-2f0d1b7c9e41", "userId": "alice", "ruleId": "sitting-hourly-break",
              "severity": "info", "message": "You have been sitting for 50 minutes. Stand up, stretch and move around for a few minutes before you sit down again.",
              "figure": 50.0, "target": 50.0, "unit": "min",
              "source": {"document": "Causes and treatment of lower back spasms (Medical News Today, 2018)", "section": "Prevention",
                         "point": "People who sit for long stretches should stretch regularly and take a break every hour."},
              "period": "2026-11-25T08:10:00Z/2026-11-25T09:00:00Z", "issuedAt": "2026-11-25T09:00:00.180Z"}]""";

    @Inject
    Access access;

    @GET
    @Operation(summary = "A person's advice, newest first; for the next page, pass the last one's issuedAt as before and its"
            + " adviceId as beforeId (advice issued together shares its issuedAt)")
    @APIResponse(responseCode = "200", description = "The advice, as published on advice-issued",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "break", value = EXAMPLE)))
    public List<AdviceIssued> advice(@PathParam("userId") String userId,
                                     @QueryParam("limit") @DefaultValue("50") int limit,
                                     @QueryParam("before") String before,
                                     @QueryParam("beforeId") String beforeId,
                                     @QueryParam("rule") String ruleId) {
        access.requireSelfOrAdmin(userId);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidRequestException("limit", "must be between 1 and " + MAX_LIMIT);
        }
        StringBuilder query = new StringBuilder("userId = :user");
        Parameters parameters = Parameters.with("user", userId);
        if (beforeId != null && before == null) {
            throw new InvalidRequestException("beforeId", "needs before, the issuedAt of the same advice");
        }
        if (before != null) {
            query.append(beforeId == null ? " and issuedAt < :before"
                    : " and (issuedAt < :before or (issuedAt = :before and id < :beforeId))");
            parameters.and("before", QueryParams.instant("before", before));
            if (beforeId != null) {
                parameters.and("beforeId", QueryParams.uuid("beforeId", beforeId));
            }
        }
        if (ruleId != null) {
            query.append(" and ruleId = :rule");
            parameters.and("rule", ruleId);
        }
        return Advice.<Advice>find(query.toString(), Sort.descending("issuedAt", "id"), parameters)
                .page(Page.ofSize(limit)).list().stream().map(Advice::toRecord).toList();
    }
}
