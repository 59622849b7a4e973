package org.upright.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.upright.localinfra.LocalDatabase;

/**
 * What PostgreSQL spent its time on, statement by statement, from {@code pg_stat_statements}
 * (loaded by {@link LocalDatabase#startWithStatementStatistics}). Times are the backends' wall
 * clock, so on busy cores they include waiting for a core; planning and running are told apart.
 * The benchmark's own queries of {@code pg_stat_*} views are left out.
 */
final class PostgresStatements {

    private static final int SHOWN = 6;

    private PostgresStatements() {
    }

    /** Starts counting afresh; says why not if the server does not have the extension loaded. */
    static String reset(LocalDatabase database) {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("create extension if not exists pg_stat_statements");
            statement.execute("select pg_stat_statements_reset()");
            return "";
        } catch (SQLException e) {
            return "not available: " + e.getMessage();
        }
    }

    /**
     * The statements that took the most time since {@link #reset}, the longest first; every
     * statement, with its whole text, goes to {@code everyStatement}.
     */
    static String top(LocalDatabase database, Path everyStatement) {
        String sql = "select calls, total_plan_time, total_exec_time, rows, regexp_replace(query, '\\s+', ' ', 'g')"
                + " from pg_stat_statements where calls > 0 and query not like '%pg_stat_%'"
                + " order by total_plan_time + total_exec_time desc";
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            List<String> all = new ArrayList<>();
            List<String> top = new ArrayList<>();
            while (rows.next()) {
                long calls = rows.getLong(1);
                String query = rows.getString(5);
                String figures = String.format("%,d calls, each %.0f µs planning + %.0f µs running, %.1f rows", calls,
                        1000 * rows.getDouble(2) / calls, 1000 * rows.getDouble(3) / calls, (double) rows.getLong(4) / calls);
                all.add(String.format("%,.0f ms in all, %s: %s", rows.getDouble(2) + rows.getDouble(3), figures, query));
                if (top.size() < SHOWN) {
                    top.add(query.substring(0, Math.min(query.length(), 60)) + ": " + figures);
                }
            }
            Files.write(everyStatement, all);
            return String.join("; ", top) + " (all of them: " + everyStatement.getFileName() + ")";
        } catch (SQLException | IOException e) {
            return "not available: " + e.getMessage();
        }
    }
}
