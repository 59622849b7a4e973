package org.upright.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.upright.localinfra.LocalDatabase;

/**
 * Samples what PostgreSQL's active backends are doing every 100 ms while a run lasts: running a
 * statement (which one), or waiting, and on what (a lock, the WAL, the disk, the client).
 */
final class PostgresWaits implements AutoCloseable {

    private final Map<String, AtomicLong> seen = new ConcurrentHashMap<>();
    private final AtomicLong samples = new AtomicLong();
    private final Thread sampler;
    private volatile boolean running = true;

    private PostgresWaits(LocalDatabase database) {
        sampler = new Thread(() -> sampleUntilClosed(database), "postgres-waits");
        sampler.setDaemon(true);
        sampler.start();
    }

    static PostgresWaits sample(LocalDatabase database) {
        return new PostgresWaits(database);
    }

    private void sampleUntilClosed(LocalDatabase database) {
        try (Connection connection = database.connect();
             Statement statement = connection.createStatement()) {
            while (running) {
                try (ResultSet rows = statement.executeQuery("select coalesce(wait_event_type || ':' || wait_event,"
                        + " 'running ' || left(regexp_replace(query, '\\s+', ' ', 'g'), 70))"
                        + " from pg_stat_activity where state = 'active' and backend_type = 'client backend' and pid <> pg_backend_pid()")) {
                    while (rows.next()) {
                        seen.computeIfAbsent(rows.getString(1), what -> new AtomicLong()).incrementAndGet();
                    }
                }
                samples.incrementAndGet();
                Thread.sleep(100);
            }
        } catch (SQLException e) {
            seen.computeIfAbsent("sampling failed: " + e.getMessage(), what -> new AtomicLong()).incrementAndGet();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The average number of active backends in each state, the busiest first. */
    String summary() {
        long count = Math.max(1, samples.get());
        return seen.entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue().get(), a.getValue().get()))
                .limit(8)
                .map(entry -> String.format("%s %.2f", entry.getKey(), (double) entry.getValue().get() / count))
                .collect(Collectors.joining(", "));
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        sampler.join(1000);
    }
}
