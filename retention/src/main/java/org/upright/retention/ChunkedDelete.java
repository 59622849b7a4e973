package org.upright.retention;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * Deletes the rows of a table that match a condition, at most {@value #AT_ONCE} per statement, until
 * none is left. Outside a transaction each statement commits on its own, so a large backlog of old
 * rows never becomes one long transaction holding its locks.
 */
public final class ChunkedDelete {

    public static final int AT_ONCE = 10_000;

    private ChunkedDelete() {
    }

    /**
     * @param table     the table, with its schema where the connection's search path does not find it
     * @param condition an SQL condition on the table's rows with one parameter, {@code before}
     * @return how many rows were deleted
     */
    public static long delete(DataSource dataSource, String table, String condition, Instant before) throws SQLException {
        String sql = "delete from " + table + " where ctid in (select ctid from " + table + " where " + condition
                + " limit " + AT_ONCE + ")";
        long deleted = 0;
        try (Connection connection = dataSource.getConnection(); PreparedStatement delete = connection.prepareStatement(sql)) {
            delete.setTimestamp(1, Timestamp.from(before));
            int chunk;
            do {
                chunk = delete.executeUpdate();
                deleted += chunk;
            } while (chunk == AT_ONCE);
            return deleted;
        }
    }
}
