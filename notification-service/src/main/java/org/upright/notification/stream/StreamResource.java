package org.upright.notification.stream;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.subscription.BackPressureStrategy;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.upright.notification.access.Access;
import org.upright.notification.inbox.InboxResource.NotificationView;
import org.upright.notification.inbox.Notification;
import org.upright.problems.InvalidRequestException;

/**
 * A person's nudges as Server-Sent Events, as the policy lets them through to the live stream. Each
 * event's id is its place in the stream; a client that reconnects with Last-Event-ID gets what it
 * missed, then the new ones. The stream reads the database when the {@link StreamFeed} says there
 * may be news, so any instance serves any client. A browser, whose EventSource sends no
 * Authorization header, opens it with a ticket ({@link StreamTickets}) and may name the last event
 * it saw in the query; the Last-Event-ID header of its own reconnections wins over that.
 */
@Path("/api/v1/users/{userId}/stream")
public class StreamResource {

    private static final int PAGE = 100;

    @Inject
    Access access;

    @Context
    Sse sse;

    @Inject
    StreamFeed feed;

    @Inject
    StreamTickets tickets;

    @ConfigProperty(name = "upright.stream.keep-alive", defaultValue = "15s")
    Duration keepAlive;

    @GET
    @Blocking
    @PermitAll
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "The person's nudges as Server-Sent Events; send Last-Event-ID to resume after a disconnect",
            description = "With the person's bearer token, or (from a browser's EventSource) with ?ticket= from POST .../stream/tickets;"
                    + " ?lastEventId= resumes as the Last-Event-ID header does, and the header wins.")
    public Multi<OutboundSseEvent> stream(@PathParam("userId") String userId, @HeaderParam("Last-Event-ID") String lastEventIdHeader,
            @QueryParam("ticket") String ticket, @QueryParam("lastEventId") String lastEventIdParam) {
        if (ticket == null) {
            access.requireSelfOrAdmin(userId);
        } else {
            requireTicketFor(userId, ticket);
        }
        String lastEventId = lastEventIdHeader != null ? lastEventIdHeader : lastEventIdParam;
        AtomicLong seen = new AtomicLong(lastEventId == null ? latest(userId) : parse(lastEventId));
        // Only whether there may be news matters, so a wake that waits for the last one to be served is dropped.
        Multi<OutboundSseEvent> nudges = Multi.createFrom().<Boolean>emitter(wakes -> {
                    Runnable stopListening = feed.listen(userId, () -> wakes.emit(true));
                    wakes.onTermination(stopListening);
                    wakes.emit(true); // what was missed since Last-Event-ID, or since the start of the call
                }, BackPressureStrategy.LATEST)
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .onItem().transformToIterable(wake -> after(userId, seen))
                .onItem().transform(event -> sse.newEventBuilder()
                        .id(Long.toString(event.position()))
                        .name("nudge")
                        .mediaType(MediaType.APPLICATION_JSON_TYPE)
                        .data(NotificationView.class, event.nudge())
                        .build());
        // A comment now and then, so that proxies and load balancers do not close a quiet stream as idle.
        Multi<OutboundSseEvent> keepAlives = Multi.createFrom().ticks().every(keepAlive).onOverflow().drop()
                .map(tick -> sse.newEventBuilder().comment("keep-alive").build());
        return Multi.createBy().merging().streams(nudges, keepAlives);
    }

    @POST
    @Path("/tickets")
    @Authenticated
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A ticket that opens the person's stream without an Authorization header, for a browser's EventSource",
            description = "Good for opening (and reopening) the stream until expiresAt; an open stream outlives it.")
    @APIResponse(responseCode = "201", description = "The ticket, when it expires, and the URL to open",
            content = @Content(schema = @Schema(implementation = TicketView.class)))
    public Response ticket(@PathParam("userId") String userId) {
        access.requireSelfOrAdmin(userId);
        StreamTickets.Ticket issued = tickets.issue(userId);
        String streamUrl = UriBuilder.fromResource(StreamResource.class).queryParam("ticket", issued.ticket()).build(userId).toString();
        return Response.status(Response.Status.CREATED).entity(new TicketView(issued.ticket(), issued.expiresAt(), streamUrl)).build();
    }

    /** A ticket as its person receives it; the ticket is shown this once. */
    public record TicketView(String ticket, Instant expiresAt, String streamUrl) {
    }

    private void requireTicketFor(String userId, String ticket) {
        String holder = tickets.holder(ticket).orElseThrow(() -> new NotAuthorizedException(
                "The stream ticket is unknown or has expired: ask for a new one with POST /api/v1/users/{userId}/stream/tickets",
                "Bearer"));
        if (!holder.equals(userId)) {
            throw new ForbiddenException("This ticket opens another person's stream");
        }
    }

    private record StreamEvent(long position, NotificationView nudge) {
    }

    /** The person's deliveries past {@code seen}, in stream order, a page of notifications read at a time. */
    private static List<StreamEvent> after(String userId, AtomicLong seen) {
        List<StreamEvent> events = new ArrayList<>();
        List<StreamEvent> page;
        do {
            page = QuarkusTransaction.requiringNew().call(() -> {
                @SuppressWarnings("unchecked")
                List<Object[]> rows = Panache.getEntityManager().createNativeQuery(
                                "select stream_position, advice_id from {h-schema}delivery where user_id = ?1"
                                        + " and stream_position > ?2 order by stream_position limit " + PAGE)
                        .setParameter(1, userId).setParameter(2, seen.get()).getResultList();
                if (rows.isEmpty()) {
                    return List.<StreamEvent>of();
                }
                Map<UUID, Notification> notifications = Notification.<Notification>list("adviceId in ?1",
                                rows.stream().map(row -> (UUID) row[1]).toList()).stream()
                        .collect(Collectors.toMap(notification -> notification.adviceId, notification -> notification));
                return rows.stream().map(row -> new StreamEvent(((Number) row[0]).longValue(),
                        NotificationView.of(notifications.get((UUID) row[1])))).toList();
            });
            if (!page.isEmpty()) {
                seen.set(page.get(page.size() - 1).position());
                events.addAll(page);
            }
        } while (page.size() == PAGE);
        return events;
    }

    private static long latest(String userId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) Panache.getEntityManager().createNativeQuery(
                        "select coalesce(max(stream_position), 0) from {h-schema}delivery where user_id = ?1 and stream_position is not null")
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
