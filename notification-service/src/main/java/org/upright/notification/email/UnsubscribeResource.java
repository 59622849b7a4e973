package org.upright.notification.email;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.upright.notification.policy.Channel;
import org.upright.notification.preferences.PreferencesStore;

/**
 * The unsubscribe link of every e-mail nudge (RFC 8058). Opening it shows a button; only a POST
 * turns e-mail off, as mail clients' one-click unsubscribe does, because link scanners open links.
 * Everything else in the person's preferences stays as it was.
 */
@Path(UnsubscribeResource.PATH)
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class UnsubscribeResource {

    static final String PATH = "/api/v1/unsubscribe/email";

    @Inject
    Unsubscribes unsubscribes;

    @Inject
    PreferencesStore preferences;

    @GET
    @Operation(summary = "The page an e-mail's unsubscribe link opens: a button that stops e-mail nudges")
    public Response page(@QueryParam("token") String token) {
        if (holder(token).isEmpty()) {
            return unknown();
        }
        return Response.ok(page("Stop e-mail nudges?", "<form method=\"post\"><input type=\"hidden\" name=\"List-Unsubscribe\""
                + " value=\"One-Click\"><button type=\"submit\">Stop e-mail nudges</button></form>"
                + "<p>The inbox and your other channels stay as they are.</p>")).build();
    }

    @POST
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA})
    @Operation(summary = "One-click unsubscribe (RFC 8058): e-mail nudges stop; the rest of the preferences stays")
    public Response unsubscribe(@QueryParam("token") String token) {
        Optional<String> holder = holder(token);
        if (holder.isEmpty()) {
            return unknown();
        }
        preferences.turnOff(holder.get(), Channel.EMAIL);
        return Response.ok(page("E-mail nudges stopped", "<p>You will get no more nudges by e-mail. Your inbox and your other"
                + " channels stay as they are; you can turn e-mail on again in your preferences.</p>")).build();
    }

    private Optional<String> holder(String token) {
        return token == null || token.isBlank() ? Optional.empty() : unsubscribes.holder(token);
    }

    private static Response unknown() {
        return Response.status(Response.Status.NOT_FOUND)
                .entity(page("Unknown link", "<p>This unsubscribe link is not known here. Change what you get in your preferences.</p>"))
                .build();
    }

    private static String page(String title, String body) {
        return "<!doctype html><html><head><meta charset=\"utf-8\"><title>Upright: " + title + "</title></head>"
                + "<body style=\"font-family: sans-serif; max-width: 40em\"><h1>" + title + "</h1>" + body + "</body></html>";
    }
}
