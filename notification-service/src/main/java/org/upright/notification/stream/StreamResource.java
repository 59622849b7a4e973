package org.upright.notification.stream;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.upright.notification.access.Access;
import org.upright.notification.inbox.InboxResource.NotificationView;
import org.upright.notification.inbox.Notification;
import org.upright.problems.InvalidRequestException;

/**
 * A person's nudges as Server-Sent Events, as the policy lets them through to the live stream. Each
 * event's id is its place in the stream; a client that reconnects with Last-Event-ID gets what it
 * missed, then the new ones. The stream reads the database, so any instance serves any client.
 */
@Path("/api/v1/users/{userId}/stream")
@Authenticated
public class StreamResource {

    @Inject
    Access access;

    @Context
    Sse sse;

    @ConfigProperty(name = "upright.stream.poll-interval", defaultValue = "500ms")
    Duration pollInterval;

    @GET
    @Blocking
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "The person's nudges as Server-Sent Events; send Last-Event-ID to resume after a disconnect")
    public Multi<OutboundSseEvent> stream(@PathParam("userId") String userId, @HeaderParam("Last-Event-ID") String lastEventId) {
        access.requireSelfOrAdmin(userId);
        AtomicLong seen = new AtomicLong(lastEventId == null ? latest(userId) : parse(lastEventId));
        return Multi.createFrom().ticks().every(pollInterval)
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .onItem().transformToIterable(tick -> after(userId, seen))
                .onItem().transform(event -> sse.newEventBuilder()
                        .id(Long.toString(event.seq()))
                        .name("nudge")
                        .mediaType(MediaType.APPLICATION_JSON_TYPE)
                        .data(NotificationView.class, event.nudge())
                        .build());
    }

    private record StreamEvent(long seq, NotificationView nudge) {
    }

    private static List<StreamEvent> after(String userId, AtomicLong seen) {
        List<StreamEvent> events = QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = Panache.getEntityManager().createNativeQuery(
                            "select seq, advice_id from {h-schema}delivery where user_id = ?1 and channel = 'stream'"
                                    + " and status = 'delivered' and seq > ?2 order by seq limit 100")
                    .setParameter(1, userId).setParameter(2, seen.get()).getResultList();
            List<StreamEvent> found = new ArrayList<>();
            for (Object[] row : rows) {
                Notification notification = Notification.findById(row[1]);
                found.add(new StreamEvent(((Number) row[0]).longValue(), NotificationView.of(notification)));
            }
            return found;
        });
        if (!events.isEmpty()) {
            seen.set(events.get(events.size() - 1).seq());
        }
        return events;
    }

    private static long latest(String userId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) Panache.getEntityManager().createNativeQuery(
                        "select coalesce(max(seq), 0) from {h-schema}delivery where user_id = ?1 and channel = 'stream' and status = 'delivered'")
                .setParameter(1, userId).getSingleResult()).longValue());
    }

    private static long parse(String lastEventId) {
        try {
            return Long.parseLong(lastEventId.trim());
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("Last-Event-ID", "must be the id of an event this stream sent");
        }
    }
}
