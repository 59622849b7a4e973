package org.upright.activity.devices;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * Device tokens: {@value #PREFIX} and 256 random bits. Only a SHA-256 of a token is stored; with
 * that much entropy a slow password hash would add nothing.
 */
@ApplicationScoped
public class DeviceTokens {

    public static final String PREFIX = "upr_dev_";
    private static final SecureRandom RANDOM = new SecureRandom();

    public String newToken() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    public static boolean looksLikeDeviceToken(String token) {
        return token.startsWith(PREFIX);
    }

    /** The device a token belongs to, unless it was revoked. */
    @Transactional
    public Optional<Device> activeDevice(String token) {
        return Device.activeByTokenHash(hash(token));
    }

    public static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
