package org.upright.activity.ingest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.upright.localinfra.LocalInfraTestResource;

/** The dedupe store: what it records is a duplicate at once, and it forgets an id only once its event would be refused as too old. */
@QuarkusTest
@WithTestResource(LocalInfraTestResource.class)
class AcceptedEventsTest {

    @Inject
    AcceptedEvents acceptedEvents;

    @Inject
    @io.quarkus.agroal.DataSource("dedupe")
    DataSource dataSource;

    @ConfigProperty(name = "quarkus.hibernate-orm.database.default-schema")
    String schema;

    @Test
    void anIdIsForgottenOnlyAfterItsEventWouldBeRefusedAsTooOld() throws SQLException {
        String user = "user-" + UUID.randomUUID();
        Instant now = Instant.now();
        UUID expired = UUID.randomUUID();
        UUID stillPostable = UUID.randomUUID();
        UUID recent = UUID.randomUUID();
        insert(user, expired, now.minus(AcceptedEvents.RETENTION).minusSeconds(60));
        // accepted 30 days and 5 minutes ago: its start may have been 5 minutes in the future then, so it may still be posted
        insert(user, stillPostable, now.minus(EventValidator.MAX_AGE).minus(EventValidator.MAX_CLOCK_SKEW));
        insert(user, recent, now.minus(Duration.ofDays(1)));

        long forgotten = acceptedEvents.forgetExpired(now);

        assertEquals(Set.of(stillPostable, recent), acceptedEvents.alreadyAccepted(user, List.of(expired, stillPostable, recent)));
        assertEquals(1, forgotten, "only the expired id, whatever other tests left behind, all recent");
    }

    /** Written off the request path, so a retry that comes before the write must still be a duplicate. */
    @Test
    void aRecordedIdIsADuplicateAtOnceAndIsStoredSoonAfter() {
        String user = "user-" + UUID.randomUUID();
        UUID accepted = UUID.randomUUID();
        UUID other = UUID.randomUUID();

        acceptedEvents.record(user, List.of(accepted));

        assertEquals(Set.of(accepted), acceptedEvents.alreadyAccepted(user, List.of(accepted, other)));
        assertEquals(Set.of(), acceptedEvents.alreadyAccepted("someone-else", List.of(accepted)));
        await().atMost(Duration.ofSeconds(10)).until(() -> stored(user).equals(Set.of(accepted)));
        assertEquals(Set.of(accepted), acceptedEvents.alreadyAccepted(user, List.of(accepted, other)));
    }

    private Set<UUID> stored(String user) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "select event_id from " + schema + ".accepted_event where user_id = ?")) {
            select.setString(1, user);
            Set<UUID> ids = new HashSet<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getObject(1, UUID.class));
                }
            }
            return ids;
        }
    }

    private void insert(String user, UUID eventId, Instant acceptedAt) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "insert into " + schema + ".accepted_event (user_id, event_id, accepted_at) values (?, ?, ?)")) {
            insert.setString(1, user);
            insert.setObject(2, eventId);
            insert.setTimestamp(3, Timestamp.from(acceptedAt));
            insert.executeUpdate();
        }
    }
}
