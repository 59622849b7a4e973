package org.upright.activity.devices;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

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

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "quarkus.hibernate-orm.database.default-schema")
    String schema;

    /**
     * The device whose token has this hash, unless it was revoked; {@link ActiveDevices} asks for a
     * token it does not know. Plain JDBC: one indexed query, without an ORM session or a transaction.
     */
    Optional<ActiveDevice> activeDevice(byte[] tokenHash) {
        String sql = "select id, user_id from " + schema + ".device where token_hash = ? and revoked_at is null";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            select.setBytes(1, tokenHash);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(new ActiveDevice(row.getObject(1, UUID.class), row.getString(2))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not look up a device token", e);
        }
    }

    public record ActiveDevice(UUID id, String userId) {
    }

    public static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
