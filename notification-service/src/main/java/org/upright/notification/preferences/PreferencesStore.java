package org.upright.notification.preferences;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.upright.notification.policy.NudgePreferences;

/**
 * Reads and stores people's preferences, kept as the JSON document the API takes; someone who never
 * set any gets the defaults. Plain JDBC: the nudge policy reads a whole batch's people at once.
 */
@ApplicationScoped
public class PreferencesStore {

    @Inject
    ObjectMapper json;

    @Inject
    AgroalDataSource dataSource;

    @Transactional
    public PreferencesView of(String userId) {
        PreferencesView stored = stored(Set.of(userId)).get(userId);
        return stored == null ? PreferencesView.defaults() : stored;
    }

    /** What the nudge policy works with, for each of these people: their preferences, or the defaults. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, NudgePreferences> policiesOf(Collection<String> userIds) {
        Map<String, PreferencesView> stored = stored(userIds);
        Map<String, NudgePreferences> policies = new HashMap<>();
        for (String userId : userIds) {
            policies.put(userId, stored.getOrDefault(userId, PreferencesView.defaults()).toPolicy());
        }
        return policies;
    }

    /** Stores them as given, and returns them with the defaults filled in. */
    @Transactional
    public PreferencesView save(String userId, PreferencesView preferences) {
        String document;
        try {
            document = json.writeValueAsString(preferences);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write preferences", e);
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement("insert into preferences (user_id, document, updated_at)"
                     + " values (?, ?, ?) on conflict (user_id) do update set document = excluded.document, updated_at = excluded.updated_at")) {
            upsert.setString(1, userId);
            upsert.setString(2, document);
            upsert.setTimestamp(3, Timestamp.from(Instant.now()));
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not store the preferences of " + userId, e);
        }
        return complete(preferences);
    }

    private Map<String, PreferencesView> stored(Collection<String> userIds) {
        Map<String, PreferencesView> stored = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "select user_id, document from preferences where user_id = any(?::text[])")) {
            select.setObject(1, userIds.toArray(String[]::new));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    stored.put(rows.getString(1), read(rows.getString(1), rows.getString(2)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read preferences", e);
        }
        return stored;
    }

    private PreferencesView read(String userId, String document) {
        try {
            return complete(json.readValue(document, PreferencesView.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored preferences of " + userId + " are unreadable", e);
        }
    }

    private static PreferencesView complete(PreferencesView preferences) {
        return PreferencesView.of(preferences.toPolicy(), preferences.email());
    }
}
