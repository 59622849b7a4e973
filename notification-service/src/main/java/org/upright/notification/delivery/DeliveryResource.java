package org.upright.notification.delivery;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.upright.notification.access.Access;
import org.upright.notification.policy.Channel;
import org.upright.problems.InvalidRequestException;
import org.upright.problems.QueryParams;

/** The delivery log: for each advice and channel, what the policy decided and why, and how sending went. */
@Path("/api/v1/users/{userId}/deliveries")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class DeliveryResource {

    @Inject
    Access access;

    @Inject
    Redelivery redelivery;

    @GET
    @Operation(summary = "A person's delivery log, newest decision first; for the next page, pass the last entry's decidedAt as"
            + " before, its adviceId as beforeId and its channel as beforeChannel (an advice has an entry per channel, and advice"
            + " decided together shares its decidedAt)")
    public List<DeliveryView> log(@PathParam("userId") String userId,
                                  @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit,
                                  @QueryParam("before") String before,
                                  @QueryParam("beforeId") String beforeId,
                                  @QueryParam("beforeChannel") String beforeChannel) {
        access.requireSelfOrAdmin(userId);
        if (beforeId != null && before == null) {
            throw new InvalidRequestException("beforeId", "needs before, the decidedAt of the same entry");
        }
        if (beforeChannel != null && beforeId == null) {
            throw new InvalidRequestException("beforeChannel", "needs beforeId, the adviceId of the same entry");
        }
        Delivery.LogPosition after = before == null ? null : new Delivery.LogPosition(
                QueryParams.instant("before", before),
                beforeId == null ? null : QueryParams.uuid("beforeId", beforeId),
                beforeChannel == null ? null : channel("beforeChannel", beforeChannel).wireName());
        return Delivery.log(userId, limit, after).stream().map(DeliveryView::of).toList();
    }

    @POST
    @Path("/{adviceId}/{channel}/redeliver")
    @Operation(summary = "Send a failed delivery (a dead letter) again from its first attempt; webhooks keep their webhook-id")
    @APIResponse(responseCode = "200", description = "The delivery, pending again")
    @APIResponse(responseCode = "404", description = "No such delivery for this person")
    @APIResponse(responseCode = "409", description = "The delivery has not failed")
    public DeliveryView redeliver(@PathParam("userId") String userId, @PathParam("adviceId") UUID adviceId,
                                  @PathParam("channel") String channel) {
        access.requireSelfOrAdmin(userId);
        return DeliveryView.of(redelivery.redeliver(userId, adviceId, channel("channel", channel)));
    }

    private static Channel channel(String parameter, String wireName) {
        return Channel.fromWireName(wireName)
                .orElseThrow(() -> new InvalidRequestException(parameter, "must be one of stream, webhook, email"));
    }

    @Schema(name = "Delivery", example = """
            {"adviceId": "6f1c2a7e-3b9d-4c55-9a8e-2f0d1b7c9e41", "ruleId": "sitting-hourly-break", "channel": "email",
             "decision": "delay", "reason": "quiet hours: delayed until 2026-11-26T06:00:00Z", "dueAt": "2026-11-26T06:00:00Z",
             "status": "pending", "attempts": 0, "detail": null, "decidedAt": "2026-11-25T21:40:00Z"}""")
    public record DeliveryView(UUID adviceId, String ruleId, String channel, String decision, String reason, Instant dueAt,
                               String status, int attempts, String detail, Instant decidedAt) {

        static DeliveryView of(Delivery delivery) {
            return new DeliveryView(delivery.adviceId, delivery.ruleId, delivery.channel, delivery.decision, delivery.reason,
                    delivery.dueAt, delivery.status, delivery.attempts, delivery.detail, delivery.decidedAt);
        }
    }
}
