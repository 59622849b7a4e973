package org.upright.activity.ingest;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.upright.activity.BackgroundThreads;
import org.upright.retention.ChunkedDelete;

/**
 * The event ids each person's devices have had accepted, so a retried post is answered as a
 * duplicate: one query per request, whatever the batch length. Plain JDBC: this is on every
 * request, where an ORM session and a JTA transaction cost more than the SQL.
 *
 * <p>Ids are written off the request path: one writer thread stores what requests accepted in
 * the meantime with one statement, and until then the ids are answered from memory. An id lost
 * in a crash before it was written only lets a retry through to the topic a second time, where
 * advice-service's own dedupe stops it; so does one accepted by another instance a moment before.
 *
 * <p>An id is kept for {@link #RETENTION}: by then a post of its event is refused as too old
 * (its start may lie at most {@link EventValidator#MAX_CLOCK_SKEW} after it was accepted), so
 * forgetting it cannot let a duplicate through. A day more covers clocks that differ.
 */
@ApplicationScoped
public class AcceptedEvents {

    static final Duration RETENTION = EventValidator.MAX_AGE.plus(EventValidator.MAX_CLOCK_SKEW).plus(Duration.ofDays(1));
    private static final int WRITE_AT_ONCE = 5_000;
    private static final int WRITES_WAITING_AT_MOST = 100_000;
    /**
     * How long the writer gathers before it writes: a statement's fixed cost is most of what one
     * row costs, and single-event posts would otherwise be written a few rows at a time.
     */
    private static final Duration WRITE_GATHERING = Duration.ofMillis(20);
    private static final Duration WRITE_RETRY = Duration.ofSeconds(1);
    private static final Logger LOG = Logger.getLogger(AcceptedEvents.class);

    /** Accepted, and not yet written: answered from here. */
    private final Set<Accepted> unwritten = ConcurrentHashMap.newKeySet();
    /** Bounded: should the database fall behind, requests wait for the writer rather than fill the heap. */
    private final BlockingQueue<Write> toWrite = new LinkedBlockingQueue<>(WRITES_WAITING_AT_MOST);
    private volatile boolean stopping;
    private Thread writer;
    /** The batch the writer had in hand when it stopped. */
    private volatile List<Write> notWritten = List.of();

    @Inject
    @io.quarkus.agroal.DataSource("dedupe")
    DataSource dataSource;

    @ConfigProperty(name = "quarkus.hibernate-orm.database.default-schema")
    String schema;

    public Set<UUID> alreadyAccepted(String userId, Collection<UUID> eventIds) {
        Set<UUID> found = new HashSet<>();
        List<UUID> toLookUp = new ArrayList<>(eventIds.size());
        for (UUID eventId : eventIds) {
            if (unwritten.contains(new Accepted(userId, eventId))) {
                found.add(eventId);
            } else {
                toLookUp.add(eventId);
            }
        }
        if (toLookUp.isEmpty()) {
            return found;
        }
        String sql = "select event_id from " + schema + ".accepted_event where user_id = ? and event_id = any(?::uuid[])";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, userId);
            select.setObject(2, uuids(toLookUp));
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
        try {
            return ChunkedDelete.delete(dataSource, schema + ".accepted_event", "accepted_at < ?", now.minus(RETENTION));
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

    /** Answered as duplicates from now on; written by the writer thread soon after. */
    public void record(String userId, Collection<UUID> eventIds) {
        Instant now = Instant.now();
        try {
            for (UUID eventId : eventIds) {
                Accepted accepted = new Accepted(userId, eventId);
                unwritten.add(accepted);
                toWrite.put(new Write(accepted, now));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while recording accepted events", e);
        }
    }

    void startWriter(@Observes StartupEvent started) {
        writer = BackgroundThreads.start("accepted-event-writer", this::writeUntilStopped);
    }

    /** Writes what is left before the datasource closes. */
    void stopWriter(@Observes ShutdownEvent event) throws InterruptedException {
        stopping = true;
        if (writer != null) {
            writer.interrupt();
            writer.join(WRITE_RETRY.toMillis() * 2);
        }
        List<Write> left = new ArrayList<>(notWritten);
        toWrite.drainTo(left);
        if (!left.isEmpty()) {
            try {
                write(left);
            } catch (SQLException e) {
                LOG.warnf(e, "%d accepted event ids were not stored; a retry of those events reaches the topic again", left.size());
            }
        }
    }

    private void writeUntilStopped() {
        List<Write> batch = new ArrayList<>(WRITE_AT_ONCE);
        while (!stopping) {
            try {
                if (batch.isEmpty()) {
                    batch.add(toWrite.take());
                    if (toWrite.size() < WRITE_AT_ONCE - 1) {
                        Thread.sleep(WRITE_GATHERING.toMillis());
                    }
                    toWrite.drainTo(batch, WRITE_AT_ONCE - 1);
                }
                write(batch);
                batch.clear();
            } catch (InterruptedException e) {
                break;
            } catch (SQLException | RuntimeException e) {
                LOG.warnf("could not store %d accepted event ids, retrying in %s: %s", batch.size(), WRITE_RETRY, e.getMessage());
                if (!BackgroundThreads.pause(WRITE_RETRY)) {
                    break;
                }
            }
        }
        notWritten = batch;
    }

    /** One statement, committed without waiting for the disk (see the dedupe datasource's settings). */
    private void write(List<Write> batch) throws SQLException {
        String sql = "insert into " + schema + ".accepted_event (user_id, event_id, accepted_at)"
                + " select * from unnest(?::text[], ?::uuid[], ?::timestamptz[]) on conflict do nothing";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setObject(1, batch.stream().map(write -> write.accepted().userId()).toArray(String[]::new));
            insert.setObject(2, batch.stream().map(write -> write.accepted().eventId().toString()).toArray(String[]::new));
            insert.setObject(3, batch.stream().map(write -> write.at().toString()).toArray(String[]::new));
            insert.executeUpdate();
        }
        batch.forEach(write -> unwritten.remove(write.accepted()));
    }

    private record Accepted(String userId, UUID eventId) {
    }

    private record Write(Accepted accepted, Instant at) {
    }

    /** As text, which the driver sends in binary: a {@code UUID[]} would be spelt out and escaped instead. */
    private static String[] uuids(Collection<UUID> ids) {
        return ids.stream().map(UUID::toString).toArray(String[]::new);
    }
}
