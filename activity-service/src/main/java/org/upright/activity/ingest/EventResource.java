package org.upright.activity.ingest;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.upright.activity.security.Caller;
import org.upright.problems.FieldError;
import org.upright.problems.InvalidRequestException;

/** Events from a device (device token) or from the person themselves (JWT); the body never names the user. */
@Path("/api/v1/events")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class EventResource {

    public static final String NDJSON = "application/x-ndjson";

    @Inject
    SecurityIdentity identity;

    @Inject
    EventBodyReader reader;

    @Inject
    Ingestor ingestor;

    @Inject
    RateLimiter rateLimiter;

    @Inject
    OpenMHealthReader openMHealth;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record one event or a batch",
            description = "One event (an object): 202 once the broker has stored it durably, 200 if it was accepted before, "
                    + "400 naming each field that breaks the contract. A batch (an array of at most 1000): 200 with a result "
                    + "per item; bad items never cost the good ones. 503 with Retry-After when the broker cannot take the "
                    + "events in time: nothing was accepted, retry. The body may be compressed (Content-Encoding gzip or deflate); "
                    + "the limits count the inflated bytes.")
    @RequestBody(content = @Content(schema = @Schema(oneOf = {EventRequest.class, EventRequest[].class})))
    @APIResponse(responseCode = "202", description = "The event is stored on the activity-events topic")
    @APIResponse(responseCode = "200", description = "A batch's results, or a single event that was accepted before",
            content = @Content(schema = @Schema(implementation = BatchResult.class)))
    @APIResponse(responseCode = "400", description = "Not an event, or an event that breaks the contract")
    @APIResponse(responseCode = "413", description = "Body over 1 MiB or batch over 1000 events")
    @APIResponse(responseCode = "415", description = "A Content-Type other than JSON or NDJSON, or a Content-Encoding other than gzip or deflate")
    @APIResponse(responseCode = "429", description = "Too many requests from this device; retry after Retry-After seconds")
    @APIResponse(responseCode = "503", description = "The broker could not take the events in time; retry after Retry-After seconds")
    public Response postJson(byte[] body) throws IOException {
        rateLimiter.acquire(Caller.source(identity));
        return answer(reader.readJson(body));
    }

    @POST
    @Consumes(NDJSON)
    @Operation(summary = "Record a stream of events, one JSON event a line (at most 1000)")
    @APIResponse(responseCode = "200", description = "A result per line",
            content = @Content(schema = @Schema(implementation = BatchResult.class)))
    public Response postNdjson(byte[] body) {
        rateLimiter.acquire(Caller.source(identity));
        return answer(reader.readNdjson(body));
    }

    @POST
    @Path("/open-mhealth")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import Open mHealth / IEEE 1752.1 physical-activity data points as exercise events",
            description = "One data point or an array of at most 1000; answered like POST /api/v1/events. The data point's "
                    + "header uuid (or id) is the event id, so importing the same points again is answered as duplicates.")
    @RequestBody(content = @Content(example = """
            {"header": {"uuid": "5f1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b",
                        "schema_id": {"namespace": "omh", "name": "physical-activity", "version": "1.2"}},
             "body": {"activity_name": "walking",
                      "effective_time_frame": {"time_interval": {"start_date_time": "2026-11-24T07:00:00+01:00",
                                                                 "end_date_time": "2026-11-24T07:40:00+01:00"}},
                      "reported_activity_intensity": "moderate", "met_value": 4.3}}"""))
    public Response postOpenMHealth(byte[] body) throws IOException {
        rateLimiter.acquire(Caller.source(identity));
        return answer(openMHealth.read(body));
    }

    /** A batch gets a result per item; a single event gets its own status code. */
    private Response answer(EventBodyReader.Body parsed) {
        List<ItemResult> results = ingestor.ingest(identity.getPrincipal().getName(), Caller.source(identity), parsed.items());
        return parsed.batch() ? Response.ok(BatchResult.of(results)).build() : single(results.get(0));
    }

    private static Response single(ItemResult result) {
        return switch (result.status()) {
            case accepted -> Response.accepted(result).build();
            case duplicate -> Response.ok(result).build();
            case rejected -> throw new InvalidRequestException(result.errors().stream()
                    .map(error -> new FieldError(error.field(), error.message()))
                    .toList());
        };
    }
}
