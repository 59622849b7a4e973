package org.upright.advice.sitting;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Sitting bouts by person and bout id. An open bout waits for its nudge; closing it (in any order:
 * a close may arrive before its open) stops the wait. Each method works in the caller's transaction.
 */
@ApplicationScoped
public class SittingBouts {

    @Inject
    AgroalDataSource dataSource;

    public record Bout(String userId, String boutId, Instant start, Instant end) {
    }

    /** Starts waiting for the nudge of bouts not seen before; a bout already known is left as it is. */
    public void open(List<Bout> bouts, Duration nudgeAfter) {
        String sql = "insert into sitting_bout (user_id, bout_id, started_at, nudge_due_at) values (?, ?, ?, ?) on conflict do nothing";
        batch(sql, bouts, (statement, bout) -> {
            statement.setString(1, bout.userId());
            statement.setString(2, bout.boutId());
            statement.setTimestamp(3, Timestamp.from(bout.start()));
            statement.setTimestamp(4, Timestamp.from(bout.start().plus(nudgeAfter)));
        });
    }

    /** Records that these bouts ended, whether or not their start was seen. */
    public void close(List<Bout> bouts) {
        String sql = "insert into sitting_bout (user_id, bout_id, started_at, ended_at, nudge_due_at) values (?, ?, ?, ?, ?)"
                + " on conflict (user_id, bout_id) do update set ended_at = excluded.ended_at";
        batch(sql, bouts, (statement, bout) -> {
            statement.setString(1, bout.userId());
            statement.setString(2, bout.boutId());
            statement.setTimestamp(3, Timestamp.from(bout.start()));
            statement.setTimestamp(4, Timestamp.from(bout.end()));
            statement.setTimestamp(5, Timestamp.from(bout.start()));
        });
    }

    /**
     * Open bouts whose nudge is due at {@code now}, locked so that another instance skips them, and
     * marked nudged; bouts open longer than {@code abandonedAfter} are marked too but not returned.
     */
    public List<Bout> takeDue(Instant now, Duration abandonedAfter, int limit) {
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
                    if (start.plus(abandonedAfter).isAfter(now)) {
                        due.add(new Bout(row.getString(1), row.getString(2), start, null));
                    }
                }
            }
            return due;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read due sitting bouts", e);
        }
    }

    private interface Binder {
        void bind(PreparedStatement statement, Bout bout) throws SQLException;
    }

    private void batch(String sql, List<Bout> bouts, Binder binder) {
        if (bouts.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (Bout bout : bouts) {
                binder.bind(statement, bout);
                statement.addBatch();
            }
            statement.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("could not store sitting bouts", e);
        }
    }
}
