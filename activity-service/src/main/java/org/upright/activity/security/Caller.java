package org.upright.activity.security;

import io.quarkus.security.identity.SecurityIdentity;

/** Who is calling: a person with a JWT, or one of their devices with a device token. */
public final class Caller {

    public static final String DEVICE_ROLE = "device";
    public static final String DEVICE_ID = "upright.device-id";

    private Caller() {
    }

    public static boolean isDevice(SecurityIdentity identity) {
        return identity.hasRole(DEVICE_ROLE);
    }

    /** The CloudEvents source of what this caller posts: the device, or the person themselves. */
    public static String source(SecurityIdentity identity) {
        return isDevice(identity)
                ? "/devices/" + identity.getAttribute(DEVICE_ID)
                : "/users/" + identity.getPrincipal().getName();
    }
}
