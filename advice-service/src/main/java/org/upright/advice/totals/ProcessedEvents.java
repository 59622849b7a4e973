package org.upright.advice.totals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.upright.events.ActivityEvent;
import org.upright.retention.ChunkedDelete;

/**
 * The ids of the events whose effect is in the totals: the dedupe key, claimed in the same
 * transaction as the totals change, with one statement per batch.
 *
 * <p>An id is kept for {@code upright.dedupe.keep-processed}. That must exceed how long the broker
 * keeps activity-events (a record it no longer has cannot be delivered again) and activity-service's
 * window for posting (an event older than 30 days is refused, so it cannot be posted again either).
 */
@ApplicationScoped
public class ProcessedEvents {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Clock clock;

    @ConfigProperty(name = "upright.dedupe.keep-processed", defaultValue = "35d")
    Duration keepProcessed;

    /** Records the events not seen before and returns their ids; an id already recorded is left out. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<UUID> claim(List<ActivityEvent> events) {
        String sql = "insert into processed_event (event_id, user_id, processed_at)"
                + " select id, user_id, now() from unnest(?::uuid[], ?::text[]) as claimed(id, user_id)"
                + " on conflict do nothing returning event_id";
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setObject(1, events.stream().map(event -> event.eventId().toString()).toArray(String[]::new));
            insert.setObject(2, events.stream().map(ActivityEvent::userId).toArray(String[]::new));
            Set<UUID> claimed = new HashSet<>();
            try (ResultSet rows = insert.executeQuery()) {
                while (rows.next()) {
                    claimed.add(rows.getObject(1, UUID.class));
                }
            }
            return claimed;
        } catch (SQLException e) {
            throw new IllegalStateException("could not record processed events", e);
        }
    }

    @Scheduled(every = "${upright.dedupe.forget-processed-every:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void forgetProcessed() {
        forgetProcessedBefore(clock.instant().minus(keepProcessed));
    }

    /** Deletes the ids processed before {@code before}, a chunk per statement; returns how many. */
    public long forgetProcessedBefore(Instant before) {
        try {
            return ChunkedDelete.delete(dataSource, "processed_event", "processed_at < ?", before);
        } catch (SQLException e) {
            throw new IllegalStateException("could not forget processed events", e);
        }
    }
}
