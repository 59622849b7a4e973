package org.upright.activity.bench;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.upright.activity.ingest.EventRequest;

/**
 * The benchmark's baseline: the same HTTP stack and JSON reading as POST /api/v1/events, and
 * nothing else (no credentials, validation, database or broker). Answers 404 unless
 * {@code upright.bench.noop-endpoint=true}; only the benchmark harness turns it on.
 */
@Path("/api/v1/bench/noop")
public class NoopResource {

    @ConfigProperty(name = "upright.bench.noop-endpoint", defaultValue = "false")
    boolean enabled;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Response noop(EventRequest event) {
        if (!enabled) {
            throw new NotFoundException();
        }
        return Response.accepted(Map.of("eventId", String.valueOf(event.eventId()), "status", "noop")).build();
    }
}
