package org.upright.activity.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.upright.activity.devices.ActiveDevices;
import org.upright.activity.devices.DeviceTokens;

/**
 * Turns a device token into its owner's identity, with the device role and id. A token already
 * known to be active is answered on the event loop; any other is looked up on a worker thread.
 * Either way a revoked device is refused from the next request on (see {@link ActiveDevices}).
 */
@ApplicationScoped
public class DeviceIdentityProvider implements IdentityProvider<DeviceTokenRequest> {

    @Inject
    ActiveDevices devices;

    @Override
    public Class<DeviceTokenRequest> getRequestType() {
        return DeviceTokenRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(DeviceTokenRequest request, AuthenticationRequestContext context) {
        Optional<DeviceTokens.ActiveDevice> known = devices.known(request.token());
        if (known.isPresent()) {
            return Uni.createFrom().item(identityOf(known.get()));
        }
        return context.runBlocking(() -> identityOf(devices.find(request.token())
                .orElseThrow(() -> new AuthenticationFailedException("unknown or revoked device token"))));
    }

    private static SecurityIdentity identityOf(DeviceTokens.ActiveDevice device) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(device.userId()))
                .addRole(Caller.DEVICE_ROLE)
                .addAttribute(Caller.DEVICE_ID, device.id().toString())
                .build();
    }
}
