package org.upright.notification.access;

import java.security.SecureRandom;
import java.util.Base64;

/** Bearer secrets that travel in URLs (stream tickets, unsubscribe links): 256 random bits, base64url. */
public final class RandomTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomTokens() {
    }

    public static String next() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }
}
