package org.upright.activity.ingest;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.ServiceUnavailableException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.upright.events.ActivityEvent;
import org.upright.problems.FieldError;
import org.upright.problems.InvalidRequestException;

@Path("/api/v1/events")
public class EventResource {

    /** Until device tokens and JWTs arrive, the caller names the user in this header. */
    public static final String USER_HEADER = "X-User-Id";
    static final String SOURCE = "/activity-service/http";

    @Inject
    EventValidator validator;

    @Inject
    EventPublisher publisher;

    @ConfigProperty(name = "upright.ingest.publish-timeout", defaultValue = "5s")
    Duration publishTimeout;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record one event",
            description = "Answers 202 once the broker has stored the event durably; 503 with Retry-After when it cannot in time.")
    @APIResponse(responseCode = "202", description = "Accepted: the event is on the activity-events topic")
    @APIResponse(responseCode = "400", description = "The event breaks the contract; the problem names each field")
    @APIResponse(responseCode = "503", description = "The broker could not take the event in time; retry after the given seconds")
    public Uni<Response> post(@Parameter(description = "The user the event belongs to") @HeaderParam(USER_HEADER) String userId,
                              EventRequest request) {
        if (userId == null || userId.isBlank()) {
            throw new WebApplicationException("The " + USER_HEADER + " header must name the user", 401);
        }
        if (request == null) {
            throw new InvalidRequestException("", "a JSON event is required");
        }
        List<FieldError> errors = validator.validate(request);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        ActivityEvent event = toActivityEvent(userId, request);
        return publisher.publish(event)
                .ifNoItem().after(publishTimeout).fail()
                .onFailure().transform(cause -> new ServiceUnavailableException(
                        "The event could not be stored durably in time; it was not accepted", 5L))
                .replaceWith(Response.accepted(new Accepted(event.eventId(), "accepted")).build());
    }

    private static ActivityEvent toActivityEvent(String userId, EventRequest request) {
        return new ActivityEvent(request.eventId(), userId, SOURCE, request.type(), request.start(), request.end(),
                request.timeZone(), request.activity(), request.intensity(), request.mets(), request.avgHeartRate(),
                request.muscleStrengthening(), null, null, null, null, null, null, null);
    }

    public record Accepted(UUID eventId, String status) {
    }
}
