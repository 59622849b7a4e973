package org.upright.notification.stream;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.upright.notification.access.RandomTokens;

/**
 * Tickets that open one person's live stream without an Authorization header, which a browser's
 * EventSource cannot send: {@value #PREFIX} and 256 random bits, good for opening (and reopening)
 * the stream for {@code upright.stream.ticket-lifetime}. A ticket travels in a URL, so it opens
 * nothing else, and only its SHA-256 is kept: any instance can check it.
 */
@ApplicationScoped
public class StreamTickets {

    static final String PREFIX = "upr_st_";

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "upright.stream.ticket-lifetime", defaultValue = "10m")
    Duration lifetime;

    public record Ticket(String ticket, Instant expiresAt) {
    }

    /** A new ticket for {@code userId}'s stream; the expired tickets of everyone go as it is made. */
    @Transactional
    public Ticket issue(String userId) {
        String ticket = PREFIX + RandomTokens.next();
        Instant now = Instant.now();
        Instant expiresAt = now.plus(lifetime);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement forget = connection.prepareStatement("delete from stream_ticket where expires_at <= ?");
             PreparedStatement insert = connection.prepareStatement(
                     "insert into stream_ticket (ticket_hash, user_id, expires_at) values (?, ?, ?)")) {
            forget.setTimestamp(1, Timestamp.from(now));
            forget.executeUpdate();
            insert.setBytes(1, hash(ticket));
            insert.setString(2, userId);
            insert.setTimestamp(3, Timestamp.from(expiresAt));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not store a stream ticket", e);
        }
        return new Ticket(ticket, expiresAt);
    }

    /** Whose stream the ticket opens; empty for a ticket that is unknown or has expired. */
    public Optional<String> holder(String ticket) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "select user_id from stream_ticket where ticket_hash = ? and expires_at > ?")) {
            select.setBytes(1, hash(ticket));
            select.setTimestamp(2, Timestamp.from(Instant.now()));
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read stream tickets", e);
        }
    }

    private static byte[] hash(String ticket) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(ticket.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
