package org.upright.activity.devices;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.upright.activity.security.Caller;

/** A person's own devices. Only a person (JWT) manages devices; a device token cannot. */
@Path("/api/v1/devices")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class DeviceResource {

    @Inject
    SecurityIdentity identity;

    @Inject
    DeviceTokens tokens;

    @Inject
    ActiveDevices activeDevices;

    @POST
    @Transactional
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a device", description = "The token in the answer is shown this once; only its hash is kept.")
    @APIResponse(responseCode = "201", description = "Registered; use the token as 'Authorization: Bearer <token>'")
    public Response register(@Valid DeviceName request) {
        String userId = person();
        String token = tokens.newToken();
        Device device = new Device();
        device.id = UUID.randomUUID();
        device.userId = userId;
        device.name = request.name().strip();
        device.tokenHash = DeviceTokens.hash(token);
        device.createdAt = Instant.now();
        device.persist();
        return Response.created(URI.create("/api/v1/devices/" + device.id))
                .entity(new NewDevice(device.id, device.name, token, device.createdAt))
                .build();
    }

    @GET
    @Transactional
    @Operation(summary = "The caller's devices, revoked ones included; tokens are never shown again")
    public List<DeviceView> list() {
        return Device.ownedBy(person()).stream().map(DeviceView::of).toList();
    }

    @PATCH
    @Path("/{id}")
    @Transactional
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Rename a device")
    public DeviceView rename(@PathParam("id") UUID id, @Valid DeviceName request) {
        Device device = Device.owned(person(), id).orElseThrow(() -> new NotFoundException("No such device of yours"));
        device.name = request.name().strip();
        return DeviceView.of(device);
    }

    @DELETE
    @Path("/{id}")
    @Transactional
    @Operation(summary = "Revoke a device: its token is refused from the next request on")
    @APIResponse(responseCode = "204", description = "Revoked (or already revoked)")
    public void revoke(@PathParam("id") UUID id) {
        Device device = Device.owned(person(), id).orElseThrow(() -> new NotFoundException("No such device of yours"));
        if (device.revokedAt == null) {
            device.revokedAt = Instant.now();
            activeDevices.revokedInThisTransaction(device.tokenHash);
        }
    }

    private String person() {
        if (Caller.isDevice(identity)) {
            throw new ForbiddenException("A device token cannot manage devices; sign in as the person");
        }
        return identity.getPrincipal().getName();
    }

    @Schema(name = "DeviceName", example = "{\"name\": \"left wrist band\"}")
    public record DeviceName(@NotBlank @Size(max = 100) String name) {
    }

    @Schema(name = "NewDevice", example = """
            {"id": "0b7e6f2a-3c1d-4e5f-8a9b-1c2d3e4f5a6b", "name": "left wrist band",
             "token": "upr_dev_2IXsifVVJfEaguOExahW57YTE9B8nAggXxq_jqJW8hw", "createdAt": "2026-11-25T16:21:19Z"}""")
    public record NewDevice(UUID id, String name, String token, Instant createdAt) {
    }

    @Schema(name = "Device", example = """
            {"id": "0b7e6f2a-3c1d-4e5f-8a9b-1c2d3e4f5a6b", "name": "left wrist band",
             "createdAt": "2026-11-25T16:21:19Z", "revokedAt": null, "active": true}""")
    public record DeviceView(UUID id, String name, Instant createdAt, Instant revokedAt, boolean active) {

        static DeviceView of(Device device) {
            return new DeviceView(device.id, device.name, device.createdAt, device.revokedAt, device.revokedAt == null);
        }
    }
}
