package org.upright.problems;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The content codings a request body may come in: as it is, gzip or deflate (wearables that sync
 * over mobile networks compress their batches). {@link InflatedBodies} reads them; any other
 * coding is refused before anything else looks at the request, as its body would only fail later
 * as JSON that makes no sense.
 */
public class ContentCodings {

    static final String READ = "gzip, deflate";

    enum Coding {
        IDENTITY, GZIP, DEFLATE, UNKNOWN;

        /** The coding a Content-Encoding header names; none at all is {@code IDENTITY}. */
        static Coding of(String header) {
            if (header == null || header.isBlank()) {
                return IDENTITY;
            }
            return switch (header.trim().toLowerCase(Locale.ROOT)) {
                case "identity" -> IDENTITY;
                case "gzip", "x-gzip" -> GZIP;
                case "deflate" -> DEFLATE;
                default -> UNKNOWN;
            };
        }
    }

    @ServerRequestFilter(preMatching = true)
    public Response refuseCodingsNotRead(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.CONTENT_ENCODING);
        if (Coding.of(header) != Coding.UNKNOWN) {
            return null;
        }
        Problem problem = new Problem(URI.create("urn:upright:problem:unsupported-content-encoding"), "Unsupported Media Type", 415,
                "A body encoded as '" + header.trim() + "' cannot be read here: send it as it is, or compressed with " + READ,
                request.getUriInfo().getPath(), List.of());
        // RFC 9110, 12.5.3: a 415 for a content coding names the codings that are read
        return Response.status(415).type(Problem.MEDIA_TYPE).header("Accept-Encoding", READ).entity(problem).build();
    }
}
