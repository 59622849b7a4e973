package org.upright.notification.inbox;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
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

@Path("/api/v1/users/{userId}/notifications")
@Produces(MediaType.APPLICATION_JSON)
public class InboxResource {

    @GET
    @Operation(summary = "A person's inbox, newest first")
    public List<NotificationView> inbox(@PathParam("userId") String userId,
                                        @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        return Notification.<Notification>inbox(userId, limit).stream().map(NotificationView::of).toList();
    }

    @Schema(name = "Notification")
    public record NotificationView(UUID adviceId, String ruleId, String severity, String message, double figure,
                                   double target, String unit, SourceView source, String period, Instant issuedAt,
                                   boolean read) {

        static NotificationView of(Notification n) {
            return new NotificationView(n.adviceId, n.ruleId, n.severity, n.message, n.figure, n.target, n.unit,
                    new SourceView(n.sourceDocument, n.sourceSection, n.sourcePoint), n.period, n.issuedAt, n.readAt != null);
        }
    }

    /** Where the advice comes from: the document, its section and the point it makes. */
    public record SourceView(String document, String section, String point) {
    }
}
