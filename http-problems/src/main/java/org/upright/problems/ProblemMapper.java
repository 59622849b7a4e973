package org.upright.problems;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every failure of a request into an RFC 9457 problem; nothing internal leaks out. */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);
    private static final URI VALIDATION = URI.create("urn:upright:problem:validation");
    private static final URI MALFORMED = URI.create("urn:upright:problem:malformed-body");
    private static final URI TOO_LARGE = URI.create("urn:upright:problem:too-large");

    @ServerExceptionMapper
    public Response invalidRequest(InvalidRequestException e, UriInfo uri) {
        return validationProblem(e.errors(), uri);
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(violation -> new FieldError(fieldOf(violation), violation.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        return validationProblem(errors, uri);
    }

    /** Named one by one: Quarkus' own mappers for the Jackson subtypes would win otherwise. */
    @ServerExceptionMapper({JsonProcessingException.class, MismatchedInputException.class,
        ValueInstantiationException.class, InvalidFormatException.class, UnrecognizedPropertyException.class})
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        String field = JsonErrors.fieldOf(e);
        String message = JsonErrors.describe(e);
        if (field.isEmpty()) {
            return malformedBody(new MalformedBodyException(message), uri);
        }
        return validationProblem(List.of(new FieldError(field, message)), uri);
    }

    @ServerExceptionMapper
    public Response malformedBody(MalformedBodyException e, UriInfo uri) {
        return respond(new Problem(MALFORMED, "Malformed request body", 400, "The body " + e.getMessage(), uri.getPath(), List.of()));
    }

    /** Reaches here because authentication is lazy (quarkus.http.auth.proactive=false). */
    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        return Response.fromResponse(respond(new Problem(URI.create("about:blank"), "Unauthorized", 401,
                        "A valid bearer token is required: a person's JWT or a device token", uri.getPath(), List.of())))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(io.quarkus.security.ForbiddenException e, UriInfo uri) {
        return respond(new Problem(URI.create("about:blank"), "Forbidden", 403,
                "These credentials do not allow this", uri.getPath(), List.of()));
    }

    @ServerExceptionMapper
    public Response rateLimited(RateLimitedException e, UriInfo uri) {
        return Response.fromResponse(respond(new Problem(URI.create("urn:upright:problem:rate-limited"), "Too Many Requests",
                        429, e.getMessage(), uri.getPath(), List.of())))
                .header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds())
                .build();
    }

    @ServerExceptionMapper
    public Response tooLarge(TooLargeException e, UriInfo uri) {
        return respond(new Problem(TOO_LARGE, "Request too large", 413, e.getMessage(), uri.getPath(), List.of()));
    }

    @ServerExceptionMapper
    public Response unsupportedMediaType(NotSupportedException e, UriInfo uri, HttpHeaders headers) {
        String sent = headers.getHeaderString(HttpHeaders.CONTENT_TYPE);
        String detail = (sent == null ? "A body without a Content-Type" : "A body of type '" + sent + "'")
                + " is not taken here; /q/openapi lists the types each endpoint takes";
        return respond(new Problem(URI.create("about:blank"), "Unsupported Media Type", 415, detail, uri.getPath(), List.of()));
    }

    @ServerExceptionMapper
    public Response httpError(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException unreadable) {
            return unreadableJson(unreadable, uri);
        }
        Response original = e.getResponse();
        Response.StatusType status = original.getStatusInfo();
        Response.ResponseBuilder response = Response.status(status.getStatusCode())
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem(URI.create("about:blank"), status.getReasonPhrase(), status.getStatusCode(),
                        e.getMessage(), uri.getPath(), List.of()));
        String retryAfter = original.getHeaderString(HttpHeaders.RETRY_AFTER);
        if (retryAfter != null) {
            response.header(HttpHeaders.RETRY_AFTER, retryAfter);
        }
        return response.build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected failure %s on %s", errorId, uri.getPath());
        return respond(new Problem(URI.create("about:blank"), "Internal Server Error", 500,
                "Something went wrong on our side; quote error id " + errorId + " when reporting it.",
                uri.getPath(), List.of()));
    }

    private static Response validationProblem(List<FieldError> errors, UriInfo uri) {
        String detail = errors.stream()
                .map(error -> (error.index() == null ? "" : "item " + error.index() + ": ")
                        + (error.field().isEmpty() ? "" : error.field() + " ") + error.message())
                .collect(Collectors.joining("; "));
        return respond(new Problem(VALIDATION, "Invalid request", 400, detail, uri.getPath(), errors));
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /** A resource method's violation path starts with the method and the parameter: drop both. */
    private static String fieldOf(ConstraintViolation<?> violation) {
        List<String> names = new ArrayList<>();
        for (Path.Node node : violation.getPropertyPath()) {
            names.add(node.getName() + (node.getIndex() == null ? "" : "[" + node.getIndex() + "]"));
        }
        List<String> field = names.size() > 2 ? names.subList(2, names.size()) : names.subList(names.size() - 1, names.size());
        return String.join(".", field);
    }
}
