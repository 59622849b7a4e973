package org.upright.advice.access;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ForbiddenException;

/** A person reads only their own figures and advice; the {@code admin} role reads everyone's. */
@RequestScoped
public class Access {

    public static final String ADMIN_ROLE = "admin";

    @Inject
    SecurityIdentity identity;

    public void requireSelfOrAdmin(String userId) {
        if (!identity.hasRole(ADMIN_ROLE) && !identity.getPrincipal().getName().equals(userId)) {
            throw new ForbiddenException("You can read only your own data");
        }
    }
}
