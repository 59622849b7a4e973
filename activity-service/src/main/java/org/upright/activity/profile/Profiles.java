package org.upright.activity.profile;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.upright.activity.ingest.EventPublisher;
import org.upright.events.CloudEventTypes;
import org.upright.events.ProfileChanged;
import org.upright.events.Topics;

/**
 * Profiles as ingestion needs them. Every event posted needs its owner's zone, and zones rarely
 * change, so they are kept for a short while; a change reaches another instance within that time.
 */
@ApplicationScoped
public class Profiles {

    static final Duration CACHED_FOR = Duration.ofSeconds(30);
    static final String SOURCE = "/activity-service";

    private final Cache<String, Optional<String>> zones = Caffeine.newBuilder()
            .expireAfterWrite(CACHED_FOR)
            .maximumSize(100_000)
            .build();

    @Inject
    EventPublisher publisher;

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "quarkus.hibernate-orm.database.default-schema")
    String schema;

    /** The zone a person's weeks are counted in, if they set one. */
    public Optional<String> timeZoneOf(String userId) {
        return zones.get(userId, this::readTimeZone);
    }

    /** Every cache miss of an event's post lands here, so plain JDBC: one indexed query, no ORM session or transaction. */
    private Optional<String> readTimeZone(String userId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("select time_zone from " + schema + ".profile where user_id = ?")) {
            select.setString(1, userId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read a profile's time zone", e);
        }
    }

    /**
     * Stores the profile and publishes it to {@link Topics#PROFILES} before the change commits, so a
     * change the broker did not acknowledge is rolled back. Forgets the cached zone only once the
     * change is committed.
     *
     * @throws jakarta.ws.rs.ServiceUnavailableException when the broker did not acknowledge in time; nothing changed
     */
    public Profile save(String userId, String timeZone, Integer birthYear) {
        Profile saved = QuarkusTransaction.requiringNew().call(() -> {
            Profile profile = Profile.<Profile>findByIdOptional(userId).orElseGet(() -> {
                Profile created = new Profile();
                created.userId = userId;
                return created;
            });
            profile.timeZone = timeZone;
            profile.birthYear = birthYear;
            profile.updatedAt = Instant.now();
            // Written before publishing: a change the database refuses is never published, and a
            // second change for the same person waits for this one, so the topic has them in order.
            profile.persistAndFlush();
            publisher.awaitAcknowledged(
                    publisher.publish(Topics.PROFILES, CloudEventTypes.PROFILE_CHANGED, SOURCE, userId, profile.updatedAt,
                            new ProfileChanged(userId, timeZone, birthYear, profile.updatedAt)),
                    "The profile could not be stored in time and was not changed; retry");
            return profile;
        });
        zones.invalidate(userId);
        return saved;
    }
}
