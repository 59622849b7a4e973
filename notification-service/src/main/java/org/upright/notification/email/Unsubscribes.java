package org.upright.notification.email;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.upright.notification.access.RandomTokens;

/**
 * Each person's one-click unsubscribe token: 256 random bits, made with their first mail and the
 * same in every mail after it. It can only turn e-mail off, so it is kept as it is sent.
 */
@ApplicationScoped
public class Unsubscribes {

    @Inject
    AgroalDataSource dataSource;

    @Transactional
    public String tokenFor(String userId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement make = connection.prepareStatement("insert into email_unsubscribe (user_id, token, created_at)"
                     + " values (?, ?, ?) on conflict (user_id) do nothing");
             PreparedStatement read = connection.prepareStatement("select token from email_unsubscribe where user_id = ?")) {
            make.setString(1, userId);
            make.setString(2, RandomTokens.next());
            make.setTimestamp(3, Timestamp.from(Instant.now()));
            make.executeUpdate();
            read.setString(1, userId);
            try (ResultSet row = read.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not make the unsubscribe token of " + userId, e);
        }
    }

    /** Whose token it is; empty for one that is unknown. */
    public Optional<String> holder(String token) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("select user_id from email_unsubscribe where token = ?")) {
            select.setString(1, token);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read unsubscribe tokens", e);
        }
    }
}
