package org.upright.notification.access;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ForbiddenException;

/** A person reads and changes only their own inbox and preferences; the {@code admin} role reads everyone's. */
@RequestScoped
public class Access {

    public static final String ADMIN_ROLE = "admin";

    @Inject
    SecurityIdentity identity;

    public void requireSelfOrAdmin(String userId) {
        if (identity.isAnonymous()) {
            throw new UnauthorizedException();
        }
        if (!identity.hasRole(ADMIN_ROLE) && !identity.getPrincipal().getName().equals(userId)) {
            throw new ForbiddenException("You can reach only your own notifications and preferences");
        }
    }
}
