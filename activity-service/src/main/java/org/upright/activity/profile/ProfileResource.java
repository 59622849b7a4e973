package org.upright.activity.profile;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.DateTimeException;
import java.time.Year;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.upright.activity.security.Caller;
import org.upright.problems.FieldError;
import org.upright.problems.InvalidRequestException;

/** The caller's own profile. Events without a time zone are counted in the profile's zone. */
@Path("/api/v1/profile")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ProfileResource {

    @Inject
    SecurityIdentity identity;

    @Inject
    Profiles profiles;

    @GET
    @Transactional
    @Operation(summary = "The caller's profile; 404 until it is set")
    public ProfileView get() {
        return Profile.<Profile>findByIdOptional(person()).map(ProfileView::of)
                .orElseThrow(() -> new NotFoundException("No profile yet: PUT one with your time zone"));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set the caller's time zone (IANA, required) and birth year (optional, for heart-rate zones)",
            description = "200 once the profile is stored and published on the profiles topic. 503 with Retry-After when "
                    + "the broker cannot take it in time: the profile was not changed, retry.")
    @APIResponse(responseCode = "200", description = "The profile as stored",
            content = @Content(schema = @Schema(implementation = ProfileView.class)))
    @APIResponse(responseCode = "400", description = "A time zone that is not IANA, or a birth year out of range")
    @APIResponse(responseCode = "403", description = "A device token: only the person changes their profile")
    @APIResponse(responseCode = "503", description = "The broker could not take the change in time; nothing changed, "
            + "retry after Retry-After seconds")
    public ProfileView put(ProfileView request) {
        validate(request);
        return ProfileView.of(profiles.save(person(), request.timeZone(), request.birthYear()));
    }

    private static void validate(ProfileView request) {
        if (request == null) {
            throw new InvalidRequestException("", "a profile is required: {\"timeZone\": \"Europe/Berlin\", \"birthYear\": 1980}");
        }
        List<FieldError> errors = new ArrayList<>();
        if (request.timeZone() == null) {
            errors.add(new FieldError("timeZone", "is required: an IANA time zone such as Europe/Berlin"));
        } else {
            try {
                ZoneId.of(request.timeZone());
            } catch (DateTimeException e) {
                errors.add(new FieldError("timeZone", "is not an IANA time zone such as Europe/Berlin"));
            }
        }
        int thisYear = Year.now().getValue();
        if (request.birthYear() != null && (request.birthYear() < thisYear - 120 || request.birthYear() > thisYear - 5)) {
            errors.add(new FieldError("birthYear", "must be between " + (thisYear - 120) + " and " + (thisYear - 5)));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }

    private String person() {
        if (Caller.isDevice(identity)) {
            throw new ForbiddenException("A device token cannot read or change the profile; sign in as the person");
        }
        return identity.getPrincipal().getName();
    }

    @Schema(name = "Profile", example = "{\"timeZone\": \"Europe/Berlin\", \"birthYear\": 1980}")
    public record ProfileView(String timeZone, Integer birthYear) {

        static ProfileView of(Profile profile) {
            return new ProfileView(profile.timeZone, profile.birthYear);
        }
    }
}
