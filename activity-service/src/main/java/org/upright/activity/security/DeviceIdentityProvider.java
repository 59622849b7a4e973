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
import org.upright.activity.devices.DeviceTokens;

/**
 * Turns a device token into its owner's identity, with the device role and id. The token is looked
 * up on every request, so a revoked device is refused at once.
 */
@ApplicationScoped
public class DeviceIdentityProvider implements IdentityProvider<DeviceTokenRequest> {

    @Inject
    DeviceTokens tokens;

    @Override
    public Class<DeviceTokenRequest> getRequestType() {
        return DeviceTokenRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(DeviceTokenRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            DeviceTokens.ActiveDevice device = tokens.activeDevice(request.token())
                    .orElseThrow(() -> new AuthenticationFailedException("unknown or revoked device token"));
            return QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal(device.userId()))
                    .addRole(Caller.DEVICE_ROLE)
                    .addAttribute(Caller.DEVICE_ID, device.id().toString())
                    .build();
        });
    }
}
