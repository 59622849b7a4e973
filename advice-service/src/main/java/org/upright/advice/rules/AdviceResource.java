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
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.upright.advice.access.Access;
import org.upright.events.AdviceIssued;
import org.upright.problems.InvalidRequestException;

/** A person's advice, newest first, as it was published on advice-issued. */
@Path("/api/v1/users/{userId}/advice")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class AdviceResource {

    static final int MAX_LIMIT = 200;

    @Inject
    Access access;

    @GET
    @Operation(summary = "A person's advice, newest first; page with limit and before (an issuedAt of the previous page)")
    public List<AdviceIssued> advice(@PathParam("userId") String userId,
                                     @QueryParam("limit") @DefaultValue("50") int limit,
                                     @QueryParam("before") String before,
                                     @QueryParam("rule") String ruleId) {
        access.requireSelfOrAdmin(userId);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidRequestException("limit", "must be between 1 and " + MAX_LIMIT);
        }
        StringBuilder query = new StringBuilder("userId = :user");
        Parameters parameters = Parameters.with("user", userId);
        if (before != null) {
            query.append(" and issuedAt < :before");
            parameters.and("before", instant(before));
        }
        if (ruleId != null) {
            query.append(" and ruleId = :rule");
            parameters.and("rule", ruleId);
        }
        return Advice.<Advice>find(query.toString(), Sort.descending("issuedAt"), parameters)
                .page(Page.ofSize(limit)).list().stream().map(Advice::toRecord).toList();
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("before", "must be an instant such as 2026-11-25T08:00:00Z");
        }
    }
}
