package org.upright.activity.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A bearer token that is a device token rather than a JWT. */
public class DeviceTokenRequest extends BaseAuthenticationRequest {

    private final String token;

    public DeviceTokenRequest(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }
}
