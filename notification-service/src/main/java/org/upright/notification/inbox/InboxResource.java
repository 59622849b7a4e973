package org.upright.notification.inbox;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
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
import org.upright.notification.access.Access;
import org.upright.problems.InvalidRequestException;
import org.upright.problems.QueryParams;

@Path("/api/v1/users/{userId}/notifications")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class InboxResource {

    @Inject
    Access access;

    @GET
    @Operation(summary = "A person's inbox, newest first; for the next page, pass the last one's issuedAt as before and its"
            + " adviceId as beforeId (advice issued together shares its issuedAt); unread=true for unread only")
    public List<NotificationView> inbox(@PathParam("userId") String userId,
                                        @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit,
                                        @QueryParam("before") String before,
                                        @QueryParam("beforeId") String beforeId,
                                        @QueryParam("unread") @DefaultValue("false")
                                        @Pattern(regexp = "true|false", message = "must be true or false") String unread) {
        access.requireSelfOrAdmin(userId);
        if (beforeId != null && before == null) {
            throw new InvalidRequestException("beforeId", "needs before, the issuedAt of the same notification");
        }
        Instant issuedBefore = before == null ? null : QueryParams.instant("before", before);
        UUID idBefore = beforeId == null ? null : QueryParams.uuid("beforeId", beforeId);
        return Notification.inbox(userId, limit, issuedBefore, idBefore, Boolean.parseBoolean(unread)).stream()
                .map(NotificationView::of).toList();
    }

    @POST
    @Path("/{adviceId}/read")
    @Transactional
    @Operation(summary = "Mark one notification read; marking it again changes nothing")
    public void markRead(@PathParam("userId") String userId, @PathParam("adviceId") UUID adviceId) {
        access.requireSelfOrAdmin(userId);
        Notification notification = Notification.<Notification>findByIdOptional(adviceId)
                .filter(found -> found.userId.equals(userId))
                .orElseThrow(() -> new NotFoundException("No notification " + adviceId + " in this inbox"));
        if (notification.readAt == null) {
            notification.readAt = Instant.now();
        }
    }

    @POST
    @Path("/read")
    @Transactional
    @Operation(summary = "Mark read every notification issued up to issuedUpTo (default: now): what the person saw, not what"
            + " arrived after they looked; answers how many were marked")
    public Marked markAllRead(@PathParam("userId") String userId, @QueryParam("issuedUpTo") String issuedUpTo) {
        access.requireSelfOrAdmin(userId);
        Instant now = Instant.now();
        Instant upTo = issuedUpTo == null ? now : QueryParams.instant("issuedUpTo", issuedUpTo);
        return new Marked(Notification.update("readAt = ?1 where userId = ?2 and readAt is null and issuedAt <= ?3", now, userId, upTo));
    }

    @GET
    @Path("/unread-count")
    @Operation(summary = "How many notifications are unread, for a badge")
    public Unread unreadCount(@PathParam("userId") String userId) {
        access.requireSelfOrAdmin(userId);
        return new Unread(Notification.count("userId = ?1 and readAt is null", userId));
    }

    public record Marked(int marked) {
    }

    public record Unread(long unread) {
    }

    @Schema(name = "Notification")
    public record NotificationView(UUID adviceId, String ruleId, String severity, String message, double figure,
                                   double target, String unit, SourceView source, String period, Instant issuedAt,
                                   boolean read) {

        public static NotificationView of(Notification n) {
            return new NotificationView(n.adviceId, n.ruleId, n.severity, n.message, n.figure, n.target, n.unit,
                    new SourceView(n.sourceDocument, n.sourceSection, n.sourcePoint), n.period, n.issuedAt, n.readAt != null);
        }
    }

    /** Where the advice comes from: the document, its section and the point it makes. */
    public record SourceView(String document, String section, String point) {
    }
}
