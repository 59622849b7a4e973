package org.upright.activity.ingest;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The event ids each person's devices have had accepted, so a retried post is answered as a
 * duplicate: one query and one insert per request, whatever the batch length. Plain JDBC: this is
 * on every request, where an ORM session and a JTA transaction cost more than the SQL.
 *
 * <p>An id is kept for {@link #RETENTION}: by then a post of its event is refused as too old
 * (its start may lie at most {@link EventValidator#MAX_CLOCK_SKEW} after it was accepted), so
 * forgetting it cannot let a duplicate through. A day more covers clocks that differ.
 */
@ApplicationScoped
public class AcceptedEvents {

    static final Duration RETENTION = EventValidator.MAX_AGE.plus(EventValidator.MAX_CLOCK_SKEW).plus(Duration.ofDays(1));
    private static final int FORGET_AT_ONCE = 10_000;

    @Inject
    @io.quarkus.agroal.DataSource("dedupe")
    DataSource dataSource;

    @ConfigProperty(name = "quarkus.hibernate-orm.database.default-schema")
    String schema;

    public Set<UUID> alreadyAccepted(String userId, Collection<UUID> eventIds) {
        if (eventIds.isEmpty()) {
            return Set.of();
        }
        String sql = "select event_id from " + schema + ".accepted_event where user_id = ? and event_id = any(?::uuid[])";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, userId);
            select.setObject(2, uuids(eventIds));
            Set<UUID> found = new HashSet<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(rows.getObject(1, UUID.class));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("could not look up accepted events", e);
        }
    }

    /** Deletes the ids accepted before {@code now} minus {@link #RETENTION}, a chunk at a time; returns how many. */
    public long forgetExpired(Instant now) {
        String sql = "delete from " + schema + ".accepted_event where ctid in (select ctid from " + schema
                + ".accepted_event where accepted_at < ? limit " + FORGET_AT_ONCE + ")";
        long forgotten = 0;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement(sql)) {
            delete.setTimestamp(1, Timestamp.from(now.minus(RETENTION)));
            int deleted;
            do {
                deleted = delete.executeUpdate();
                forgotten += deleted;
            } while (deleted == FORGET_AT_ONCE);
            return forgotten;
        } catch (SQLException e) {
            throw new IllegalStateException("could not forget expired accepted events", e);
        }
    }

    @Scheduled(every = "${upright.ingest.forget-expired-every:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void forgetExpired() {
        forgetExpired(Instant.now());
    }

    /** One statement, committed without waiting for the disk (see the dedupe datasource's settings). */
    public void record(String userId, Collection<UUID> eventIds) {
        if (eventIds.isEmpty()) {
            return;
        }
        String sql = "insert into " + schema + ".accepted_event (user_id, event_id, accepted_at)"
                + " select ?, id, now() from unnest(?::uuid[]) as id on conflict do nothing";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setString(1, userId);
            insert.setObject(2, uuids(eventIds));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not record accepted events", e);
        }
    }

    /** As text, which the driver sends in binary: a {@code UUID[]} would be spelt out and escaped instead. */
    private static String[] uuids(Collection<UUID> ids) {
        return ids.stream().map(UUID::toString).toArray(String[]::new);
    }
}
