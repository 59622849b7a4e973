package org.upright.bench;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.upright.localinfra.LocalDatabase;

/**
 * PostgreSQL's own pgbench running the SQL work advice-service does for each batch of events, on
 * the same server and tables, with as many clients as the service has consumers, each one
 * transaction at a time on its own people as each consumer has its own partitions: the dedupe
 * insert of the batch's event ids and the day-totals upsert of its person-days.
 */
final class PgbenchRun {

    private static final Pattern TPS = Pattern.compile("tps = ([\\d.]+) \\(without initial connection time\\)");

    /**
     * The statements mirror advice-service's ProcessedEvents.claim and DayTotals.add: the same
     * tables, the same conflict handling and the same per-column arithmetic.
     */
    private static final String SCRIPT = """
            \\set base random(1, 1000000000)
            BEGIN;
            insert into advice.processed_event (event_id, user_id, processed_at)
              select gen_random_uuid(), 'pgbench-' || :client_id || '-' || (g % :users), now() from generate_series(1, :batch) g
              on conflict do nothing returning event_id;
            insert into advice.day_total (user_id, day, iso_week, moderate_seconds, vigorous_seconds, strength_sessions,
                sitting_seconds, longest_bout_seconds, long_bouts, stretch_breaks, posture_seconds, poor_posture_seconds,
                high_stress_seconds, pain_reports, max_pain_severity)
              select 'pgbench-' || :client_id || '-' || ((:base + g) % :users), d, to_char(d, 'IYYY-"W"IW'), 600, 0, 0, 1800, 1800, 0, 1, 600, 300, 0, 0, 0
              from generate_series(1, :rows) g, lateral (select current_date - ((:base + g) % 21)::int as d) as day
              on conflict (user_id, day) do update set
                moderate_seconds = day_total.moderate_seconds + excluded.moderate_seconds,
                vigorous_seconds = day_total.vigorous_seconds + excluded.vigorous_seconds,
                strength_sessions = day_total.strength_sessions + excluded.strength_sessions,
                sitting_seconds = day_total.sitting_seconds + excluded.sitting_seconds,
                longest_bout_seconds = greatest(day_total.longest_bout_seconds, excluded.longest_bout_seconds),
                long_bouts = day_total.long_bouts + excluded.long_bouts,
                stretch_breaks = day_total.stretch_breaks + excluded.stretch_breaks,
                posture_seconds = day_total.posture_seconds + excluded.posture_seconds,
                poor_posture_seconds = day_total.poor_posture_seconds + excluded.poor_posture_seconds,
                high_stress_seconds = day_total.high_stress_seconds + excluded.high_stress_seconds,
                pain_reports = day_total.pain_reports + excluded.pain_reports,
                max_pain_severity = greatest(day_total.max_pain_severity, excluded.max_pain_severity);
            COMMIT;
            """;

    private PgbenchRun() {
    }

    /**
     * @param batch events per transaction, as the service's batches held on average
     * @param rows  person-days per transaction, as the service's batches touched on average
     * @param clients transactions side by side, as the service's consumers run them
     * @return events per second: transactions per second times {@code batch}
     */
    static double eventsPerSecond(LocalDatabase database, int batch, int rows, int users, int clients, int seconds, Path work)
            throws Exception {
        Path script = work.resolve("pgbench-advice.sql");
        Files.writeString(script, SCRIPT);
        Matcher url = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/([^?]+)").matcher(database.jdbcUrl());
        if (!url.find()) {
            throw new IllegalStateException("cannot read host, port and database from " + database.jdbcUrl());
        }
        List<String> command = new ArrayList<>(List.of(pgbench().toString(), "-n", "-c", String.valueOf(clients), "-j", String.valueOf(clients), "-T", String.valueOf(seconds),
                "-f", script.toString(), "-D", "batch=" + batch, "-D", "rows=" + rows, "-D", "users=" + Math.max(users, rows + 1),
                "-h", url.group(1), "-p", url.group(2), "-U", database.username(), url.group(3)));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", database.password() == null ? "" : database.password());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Files.writeString(work.resolve("pgbench.log"), output);
        Matcher tps = TPS.matcher(output);
        if (process.waitFor() != 0 || !tps.find()) {
            throw new IllegalStateException("pgbench failed; see " + work.resolve("pgbench.log"));
        }
        return Double.parseDouble(tps.group(1)) * batch;
    }

    /** pgbench from PATH, else from Debian's PostgreSQL packages (postgresql-NN). */
    private static Path pgbench() throws Exception {
        Optional<Path> onPath = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(dir -> Path.of(dir, "pgbench")).filter(Files::isExecutable).findFirst();
        if (onPath.isPresent()) {
            return onPath.get();
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(debian)) {
            throw new IllegalStateException("pgbench not found: apt-get install postgresql, or put it on PATH");
        }
        try (Stream<Path> versions = Files.list(debian)) {
            return versions.map(dir -> dir.resolve("bin/pgbench")).filter(Files::isExecutable).max(Path::compareTo)
                    .orElseThrow(() -> new IllegalStateException("pgbench not found: apt-get install postgresql"));
        }
    }
}
