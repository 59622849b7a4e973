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
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.upright.notification.policy.Channel;
import org.upright.notification.policy.NudgePreferences;

/**
 * Reads and stores people's preferences, kept as the JSON document the API takes; someone who never
 * set any gets the defaults, and someone who named no zone has their profile's ({@link ProfileZones}).
 * Plain JDBC: the nudge policy reads a whole batch's people at once.
 */
@ApplicationScoped
public class PreferencesStore {

    /**
     * Looks each person up by key, whatever their number: the plan is made once per connection, and
     * as a join its plan read the whole preferences table for a batch of one (bench/run-nudges).
     */
    private static final String SELECT = "select u.user_id, (select document from preferences p where p.user_id = u.user_id),"
            + " (select time_zone from profile_zone z where z.user_id = u.user_id) from unnest(?::text[]) as u(user_id)";

    @Inject
    ObjectMapper json;

    @Inject
    AgroalDataSource dataSource;

    @Transactional
    public PreferencesView of(String userId) {
        return stored(Set.of(userId)).getOrDefault(userId, Stored.NOTHING).completed();
    }

    /** What the nudge policy works with, for each of these people: their preferences, or the defaults. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, NudgePreferences> policiesOf(Collection<String> userIds) {
        Map<String, Stored> stored = stored(userIds);
        Map<String, NudgePreferences> policies = new HashMap<>();
        for (String userId : userIds) {
            policies.put(userId, stored.getOrDefault(userId, Stored.NOTHING).policy());
        }
        return policies;
    }

    /** Stores them as given (a zone that follows the profile as none), and returns them with the defaults filled in. */
    @Transactional
    public PreferencesView save(String userId, PreferencesView preferences) {
        String document;
        try {
            document = json.writeValueAsString(preferences.toStore());
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
        return of(userId);
    }

    /** Takes {@code channel} off the person's channels and leaves everything else as they set it. */
    @Transactional
    public void turnOff(String userId, Channel channel) {
        PreferencesView set = stored(Set.of(userId)).getOrDefault(userId, Stored.NOTHING).preferences();
        save(userId, set.withoutChannel(channel));
    }

    private Map<String, Stored> stored(Collection<String> userIds) {
        Map<String, Stored> stored = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(SELECT)) {
            select.setObject(1, userIds.toArray(String[]::new));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String userId = rows.getString(1);
                    String document = rows.getString(2);
                    String profileZone = rows.getString(3);
                    stored.put(userId, new Stored(document == null ? PreferencesView.NONE : read(userId, document),
                            profileZone == null ? null : ZoneId.of(profileZone)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read preferences", e);
        }
        return stored;
    }

    private PreferencesView read(String userId, String document) {
        try {
            return json.readValue(document, PreferencesView.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored preferences of " + userId + " are unreadable", e);
        }
    }

    /** A person's preferences as they set them, and the zone of their profile (null when unknown). */
    private record Stored(PreferencesView preferences, ZoneId profileZone) {

        static final Stored NOTHING = new Stored(PreferencesView.NONE, null);

        NudgePreferences policy() {
            return preferences.toPolicy(profileZone);
        }

        PreferencesView completed() {
            return PreferencesView.of(policy(), preferences.timeZone() == null, preferences.email());
        }
    }
}
