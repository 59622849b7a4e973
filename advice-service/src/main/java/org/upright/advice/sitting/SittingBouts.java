package org.upright.advice.sitting;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.upright.retention.ChunkedDelete;

/**
 * Sitting bouts by person and bout id. An open bout waits for its nudge; closing it (in any order:
 * a close may arrive before its open) stops the wait. Each method works in the caller's transaction.
 *
 * <p>A bout is kept only while a nudge could still be due: one that began more than
 * {@link #NUDGEABLE_FOR} ago is neither stored nor nudged, so a sync of past days writes no bouts
 * (the advice table keeps each bout's advice once), and stored bouts are forgotten at that age.
 */
@ApplicationScoped
public class SittingBouts {

    /** An open bout this old lost its device, or its close: nudging it now would be noise. */
    static final Duration NUDGEABLE_FOR = Duration.ofHours(24);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Clock clock;

    public record Bout(String userId, String boutId, Instant start, Instant end) {
    }

    /** Starts waiting for the nudge of bouts not seen before; a bout already known is left as it is. */
    public void open(List<Bout> bouts, Duration nudgeAfter) {
        upsert("on conflict do nothing", stillNudgeable(bouts), bout -> null, bout -> bout.start().plus(nudgeAfter));
    }

    /** Records that these bouts ended, whether or not their start was seen; a bout closed twice keeps its last end. */
    public void close(List<Bout> bouts) {
        Map<List<String>, Bout> lastClose = new LinkedHashMap<>();
        stillNudgeable(bouts).forEach(bout -> lastClose.put(List.of(bout.userId(), bout.boutId()), bout));
        upsert("on conflict (user_id, bout_id) do update set ended_at = excluded.ended_at", new ArrayList<>(lastClose.values()),
                Bout::end, Bout::start);
    }

    private List<Bout> stillNudgeable(List<Bout> bouts) {
        Instant since = clock.instant().minus(NUDGEABLE_FOR);
        return bouts.stream().filter(bout -> bout.start().isAfter(since)).toList();
    }

    /** One statement for all the bouts, whatever their number. */
    private void upsert(String onConflict, List<Bout> bouts, Function<Bout, Instant> endedAt, Function<Bout, Instant> nudgeDueAt) {
        if (bouts.isEmpty()) {
            return;
        }
        String sql = "insert into sitting_bout (user_id, bout_id, started_at, ended_at, nudge_due_at)"
                + " select * from unnest(?::text[], ?::text[], ?::timestamptz[], ?::timestamptz[], ?::timestamptz[]) " + onConflict;
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, bouts.stream().map(Bout::userId).toArray(String[]::new));
            statement.setObject(2, bouts.stream().map(Bout::boutId).toArray(String[]::new));
            statement.setObject(3, bouts.stream().map(bout -> bout.start().toString()).toArray(String[]::new));
            statement.setObject(4, bouts.stream().map(endedAt).map(end -> end == null ? null : end.toString()).toArray(String[]::new));
            statement.setObject(5, bouts.stream().map(bout -> nudgeDueAt.apply(bout).toString()).toArray(String[]::new));
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not store sitting bouts", e);
        }
    }

    /**
     * Open bouts whose nudge is due at {@code now}, locked so that another instance skips them, and
     * marked nudged; bouts open longer than {@link #NUDGEABLE_FOR} are marked too but not returned.
     */
    public List<Bout> takeDue(Instant now, int limit) {
        String sql = "update sitting_bout set nudged_at = ? where (user_id, bout_id) in ("
                + " select user_id, bout_id from sitting_bout where ended_at is null and nudged_at is null and nudge_due_at <= ?"
                + " order by nudge_due_at limit ? for update skip locked)"
                + " returning user_id, bout_id, started_at";
        List<Bout> due = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement update = connection.prepareStatement(sql)) {
            update.setTimestamp(1, Timestamp.from(now));
            update.setTimestamp(2, Timestamp.from(now));
            update.setInt(3, limit);
            try (ResultSet row = update.executeQuery()) {
                while (row.next()) {
                    Instant start = row.getTimestamp(3).toInstant();
                    if (start.plus(NUDGEABLE_FOR).isAfter(now)) {
                        due.add(new Bout(row.getString(1), row.getString(2), start, null));
                    }
                }
            }
            return due;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read due sitting bouts", e);
        }
    }

    /** Deletes the bouts that began longer than {@link #NUDGEABLE_FOR} ago, a chunk at a time; returns how many. */
    public long forgetPast() {
        try {
            return ChunkedDelete.delete(dataSource, "sitting_bout", "started_at < ?", clock.instant().minus(NUDGEABLE_FOR));
        } catch (SQLException e) {
            throw new IllegalStateException("could not forget past sitting bouts", e);
        }
    }

    @Scheduled(every = "${upright.sitting.forget-past-every:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void forgetPastBouts() {
        forgetPast();
    }
}
