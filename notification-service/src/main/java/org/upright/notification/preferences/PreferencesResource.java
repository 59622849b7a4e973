package org.upright.notification.preferences;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.upright.notification.access.Access;
import org.upright.problems.FieldError;
import org.upright.problems.InvalidRequestException;

/** A person's nudge preferences: zone, quiet hours, cap, cooldowns, snooze, muted rules, channels. */
@Path("/api/v1/users/{userId}/preferences")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class PreferencesResource {

    @Inject
    PreferencesStore store;

    @Inject
    Access access;

    @GET
    @Operation(summary = "The person's preferences; the defaults until they set any")
    public PreferencesView get(@PathParam("userId") String userId) {
        access.requireSelfOrAdmin(userId);
        return store.of(userId);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace the person's preferences; a field left out takes its default")
    public PreferencesView put(@PathParam("userId") String userId, PreferencesView preferences) {
        access.requireSelfOrAdmin(userId);
        if (preferences == null) {
            throw new InvalidRequestException("", "preferences are required, for example {\"timeZone\": \"Europe/Berlin\"}");
        }
        List<FieldError> errors = preferences.errors();
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return store.save(userId, preferences);
    }
}
