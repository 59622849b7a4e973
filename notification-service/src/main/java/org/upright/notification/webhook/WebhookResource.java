package org.upright.notification.webhook;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.upright.notification.access.Access;
import org.upright.problems.InvalidRequestException;

/** A person's webhook endpoints. The signing secret is shown once, when the endpoint is registered. */
@Path("/api/v1/users/{userId}/webhooks")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class WebhookResource {

    @Inject
    Access access;

    @ConfigProperty(name = "upright.webhooks.allow-private-addresses", defaultValue = "false")
    boolean allowPrivateAddresses;

    @POST
    @Transactional
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register an endpoint; the answer holds its signing secret, shown this once")
    @APIResponse(responseCode = "409", description = "The person has registered this address already")
    public Response register(@PathParam("userId") String userId, EndpointRequest request) {
        access.requireSelfOrAdmin(userId);
        String url = request == null ? null : request.url();
        EndpointAddresses.problem(url, allowPrivateAddresses).ifPresent(problem -> {
            throw new InvalidRequestException("url", problem);
        });
        // the unique index decides, so two registrations racing each other make one endpoint and a 409
        UUID id = UUID.randomUUID();
        String secret = WebhookSignature.newSecret();
        Instant createdAt = Instant.now();
        boolean inserted = !Panache.getEntityManager().createNativeQuery("insert into {h-schema}webhook_endpoint"
                        + " (id, user_id, url, secret, created_at) values (?1, ?2, ?3, ?4, ?5)"
                        + " on conflict (user_id, url) do nothing returning id")
                .setParameter(1, id).setParameter(2, userId).setParameter(3, url).setParameter(4, secret)
                .setParameter(5, Timestamp.from(createdAt))
                .getResultList().isEmpty();
        if (!inserted) {
            WebhookEndpoint registered = WebhookEndpoint.<WebhookEndpoint>find("userId = ?1 and url = ?2", userId, url).singleResult();
            throw new ClientErrorException(url + " is registered already, as endpoint " + registered.id
                    + "; remove that one first to register the address with a new secret.", Response.Status.CONFLICT);
        }
        return Response.status(Response.Status.CREATED).entity(new RegisteredEndpoint(id, url, secret, createdAt)).build();
    }

    @GET
    @Transactional
    @Operation(summary = "The person's endpoints, without their secrets")
    public List<EndpointView> list(@PathParam("userId") String userId) {
        access.requireSelfOrAdmin(userId);
        return WebhookEndpoint.<WebhookEndpoint>list("userId", userId).stream()
                .map(endpoint -> new EndpointView(endpoint.id, endpoint.url, endpoint.createdAt)).toList();
    }

    @DELETE
    @Path("/{id}")
    @Transactional
    @Operation(summary = "Remove an endpoint; nothing more is sent to it")
    public void remove(@PathParam("userId") String userId, @PathParam("id") UUID id) {
        access.requireSelfOrAdmin(userId);
        WebhookEndpoint endpoint = WebhookEndpoint.<WebhookEndpoint>findByIdOptional(id)
                .filter(found -> found.userId.equals(userId))
                .orElseThrow(() -> new NotFoundException("No webhook endpoint " + id));
        endpoint.delete();
    }

    @Schema(name = "WebhookEndpointRequest", example = "{\"url\": \"https://example.com/upright/webhook\"}")
    public record EndpointRequest(String url) {
    }

    @Schema(name = "RegisteredWebhookEndpoint")
    public record RegisteredEndpoint(UUID id, String url, String secret, Instant createdAt) {
    }

    @Schema(name = "WebhookEndpoint")
    public record EndpointView(UUID id, String url, Instant createdAt) {
    }
}
