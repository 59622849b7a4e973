package org.upright.bench;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.upright.events.ActivityEvent;
import org.upright.events.AdviceIssued;
import org.upright.events.EventJson;
import org.upright.events.EventType;
import org.upright.events.Topics;
import org.upright.localinfra.FreePorts;
import org.upright.localinfra.LocalDatabase;
import org.upright.localinfra.LocalJwtKeys;
import org.upright.localinfra.LocalKafka;
import org.upright.localinfra.TopicReader;
import org.upright.localinfra.TopicWriter;
import org.upright.localstack.ServiceProcess;

/**
 * advice-service's consume rate against the two limits it sits between, in one run on one broker
 * and one database: Kafka's ConsumerPerformance on the same preloaded topic, and pgbench doing the
 * service's SQL work per batch. Then how late an open sitting bout's nudge comes after its
 * threshold.
 *
 * <p>Usage: {@code ./bench/run-advice [events] [users]}; see README.
 */
public final class AdviceBenchmark {

    private static final Pattern METRIC = Pattern.compile("^(upright_[a-z_]+(?:\\{[^}]*})?) ([0-9.eE+-]+)$", Pattern.MULTILINE);
    private static final int BOUTS = 40;
    private static final int WARM_UP_PER_MEASURED_EVENT = 3;

    private AdviceBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int users = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        Path root = Path.of(System.getProperty("upright.root", ".")).toAbsolutePath().normalize();
        Path work = root.resolve("bench/target/advice-" + Instant.now().toString().replace(':', '-'));
        Files.createDirectories(work);
        LocalJwtKeys keys = LocalJwtKeys.inDirectory(work.resolve("keys"));

        try (LocalKafka kafka = LocalKafka.start(FreePorts.pick(), work.resolve("kafka.log"));
             LocalDatabase database = LocalDatabase.start(0)) {
            // Half as many (100,000) were too few: the JIT compiler was busy a whole core's worth through
            // the measured part, and still over half a core with twice as many. It takes about 30 s.
            int warmUp = events * WARM_UP_PER_MEASURED_EVENT;
            log("preloading " + warmUp + " events for " + users + " other people, to warm the service up, then the "
                    + events + " measured events for " + users + " people, on " + Topics.ACTIVITY_EVENTS);
            ActivityPreload.write(kafka.bootstrapServers(), warmUp, users, "warm-up-user-");
            ActivityPreload.write(kafka.bootstrapServers(), events, users, "bench-user-");

            log("raw consumer: Kafka ConsumerPerformance on the same topic");
            double raw = ConsumerPerformanceRun.recordsPerSecond(kafka.bootstrapServers(), Topics.ACTIVITY_EVENTS, warmUp + events,
                    work.resolve("consumer-performance.log"));

            log("advice-service: consuming the backlog until every event is applied (the measured part starts after the warm-up)");
            int port = FreePorts.pick();
            double serviceRate;
            double batchEvents;
            double batchUserDays;
            List<Long> nudgeLateness;
            double outboxDrain;
            double adviceIssued;
            String cpuPerEvent;
            String postgresActivity;
            try (ServiceProcess service = ServiceProcess.start(root, "advice-service", port, Map.of(
                    // -Dbench.profile=true records the service with Java Flight Recorder, to see where its time goes
                    "JAVA_TOOL_OPTIONS", Boolean.getBoolean("bench.profile")
                            ? "-XX:FlightRecorderOptions=stackdepth=256 -XX:StartFlightRecording=filename=" + work.resolve("advice-service.jfr")
                                    + ",settings=profile" : "",
                    "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                    "QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl(),
                    "QUARKUS_DATASOURCE_USERNAME", database.username(),
                    "QUARKUS_DATASOURCE_PASSWORD", database.password(),
                    "MP_JWT_VERIFY_PUBLICKEY_LOCATION", keys.publicKeyFile().toUri().toString()),
                    work.resolve("advice-service.log"), "-Xmx1g")) {
                URI metrics = service.baseUri().resolve("/q/metrics");
                List<Reading> warmingUp = awaitMetric(metrics, "upright_advice_batch_events_sum", warmUp, Duration.ofMinutes(30));
                List<CpuSplit.Part> cpuParts = new ArrayList<>(List.of(CpuSplit.Part.process("advice-service", service.pid())));
                cpuParts.addAll(CpuSplit.Part.brokerAndPostgres(kafka.pid(), database.pid()));
                CpuSplit cpuSplit = CpuSplit.start(cpuParts);
                List<Reading> measured;
                try (PostgresWaits waits = PostgresWaits.sample(database)) {
                    measured = awaitMetric(metrics, "upright_advice_batch_events_sum", warmUp + events, Duration.ofMinutes(30));
                    postgresActivity = waits.summary();
                }
                cpuPerEvent = cpuSplit.used().perUnit(events, "event while measured", CpuSplit.Scale.MICROSECONDS);
                // From the first reading past the warm-up to the last one before the backlog was done: both
                // taken while the service was busy, so the idle moments around them do not count.
                Reading from = warmingUp.get(warmingUp.size() - 1);
                Reading to = measured.size() > 1 ? measured.get(measured.size() - 2) : measured.get(0);
                if (to.value() <= from.value()) {
                    to = measured.get(measured.size() - 1);
                }
                serviceRate = (to.value() - from.value()) / ((to.at() - from.at()) / 1e9);
                Map<String, Double> figures = metrics(metrics);
                batchEvents = figures.get("upright_advice_batch_events_sum") / figures.get("upright_advice_batch_events_count");
                batchUserDays = figures.get("upright_advice_batch_user_days_sum") / figures.get("upright_advice_batch_user_days_count");

                log("waiting until the outbox has published the backlog's advice");
                long drainStart = System.nanoTime();
                awaitMetricAtMost(metrics, "upright_outbox_pending", 0, Duration.ofMinutes(10));
                outboxDrain = seconds(drainStart);
                adviceIssued = metrics(metrics).entrySet().stream().filter(metric -> metric.getKey().startsWith("upright_advice_issued_total"))
                        .mapToDouble(Map.Entry::getValue).sum();

                log("open sitting bouts: how late each nudge comes after its threshold");
                nudgeLateness = nudgeLateness(kafka.bootstrapServers());
            }

            int consumers = consumersOfAdviceService(root);
            log(String.format("pgbench: the service's SQL per batch (%.0f event ids, %.0f person-days), %d clients as the service has %d consumers",
                    batchEvents, batchUserDays, consumers, consumers));
            double pgbench = PgbenchRun.eventsPerSecond(database, (int) Math.round(batchEvents), (int) Math.round(batchUserDays), users,
                    consumers, 20, work);

            Histogram lateness = new Histogram(3);
            nudgeLateness.forEach(millis -> lateness.recordValue(Math.max(0, millis)));
            String report = String.join("\n",
                    "Upright advice benchmark, " + Instant.now() + ", " + Runtime.getRuntime().availableProcessors() + " cores",
                    String.format("  backlog: %,d events for %,d people over 21 days, after %,d events for others that warm the service up",
                            events, users, warmUp),
                    String.format("  raw consumer (ConsumerPerformance, fetch rate): %,.0f records/s", raw),
                    String.format("  pgbench, the service's SQL per batch (%.0f events, %.0f person-days per transaction, %d clients): %,.0f events/s",
                            batchEvents, batchUserDays, consumers, pgbench),
                    String.format("  advice-service until the lag is zero: %,.0f events/s = %.2f x pgbench (target >= 0.5), %.2f x raw consumer",
                            serviceRate, serviceRate / pgbench, serviceRate / raw),
                    "    " + cpuPerEvent,
                    "    PostgreSQL's active backends on average: " + postgresActivity,
                    String.format("  advice issued (warm-up and backlog): %,.0f; the outbox had published it all %.1f s after the last event was applied",
                            adviceIssued, outboxDrain),
                    String.format("  open-bout nudges (%d): late by p50 %d ms, p99 %d ms, max %d ms after the threshold (target < 1000 ms)",
                            nudgeLateness.size(), lateness.getValueAtPercentile(50), lateness.getValueAtPercentile(99), lateness.getMaxValue()),
                    "  logs and data: " + work);
            System.out.println();
            System.out.println(report);
            Files.writeString(work.resolve("report.txt"), report + "\n");
        }
    }

    /** Open bouts due a few seconds from now; returns, for each, how long after its threshold the advice was issued. */
    private static List<Long> nudgeLateness(String bootstrapServers) throws Exception {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        Map<String, Instant> due = new HashMap<>();
        for (int i = 0; i < BOUTS; i++) {
            String user = "bench-bout-" + UUID.randomUUID();
            OffsetDateTime start = now.minusMinutes(50).plusNanos((3_000 + i * 100L) * 1_000_000L);
            due.put(user, start.plusMinutes(50).toInstant());
            ActivityEvent open = new ActivityEvent(UUID.randomUUID(), user, "/bench", EventType.SITTING, start, null, "Europe/Berlin",
                    null, null, null, null, null, null, null, null, null, null, null, "desk");
            TopicWriter.write(bootstrapServers, Topics.ACTIVITY_EVENTS, user, EventJson.write(open), Map.of());
        }
        List<ConsumerRecord<String, String>> advice = TopicReader.read(bootstrapServers, Topics.ADVICE_ISSUED,
                record -> due.containsKey(record.key()), BOUTS, Duration.ofSeconds(60));
        List<Long> lateness = new ArrayList<>();
        for (ConsumerRecord<String, String> record : advice) {
            Instant issued = EventJson.read(record.value(), AdviceIssued.class).issuedAt();
            lateness.add(Duration.between(due.get(record.key()), issued).toMillis());
        }
        if (lateness.size() < BOUTS) {
            throw new IllegalStateException("only " + lateness.size() + " of " + BOUTS + " open bouts were nudged within a minute");
        }
        return lateness;
    }

    /** A metric's value and when it was read (System.nanoTime()). */
    private record Reading(long at, double value) {
    }

    /**
     * Reads the metric once a second until it reaches {@code atLeast}; returns the readings, the last
     * one the first at or above it. Not more often: a scrape reads every meter, and four a second took
     * a tenth of the service's CPU.
     */
    private static List<Reading> awaitMetric(URI metrics, String name, double atLeast, Duration patience) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        List<Reading> readings = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            Double value = metricsOrEmpty(metrics).get(name);
            if (value != null) {
                readings.add(new Reading(System.nanoTime(), value));
                if (value >= atLeast) {
                    return readings;
                }
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException(name + " did not reach " + atLeast + " within " + patience);
    }

    private static void awaitMetricAtMost(URI metrics, String name, double atMost, Duration patience) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            Double value = metricsOrEmpty(metrics).get(name);
            if (value != null && value <= atMost) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(name + " did not come down to " + atMost + " within " + patience);
    }

    private static Map<String, Double> metricsOrEmpty(URI metrics) {
        try {
            return metrics(metrics);
        } catch (Exception e) {
            return Map.of(); // not up yet
        }
    }

    private static Map<String, Double> metrics(URI metrics) throws Exception {
        String text = HttpClient.newHttpClient().send(HttpRequest.newBuilder(metrics).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher matcher = METRIC.matcher(text);
        Map<String, Double> values = new HashMap<>();
        while (matcher.find()) {
            values.put(matcher.group(1), Double.parseDouble(matcher.group(2)));
        }
        return values;
    }

    /** How many consumers advice-service runs on activity-events: its channel's {@code concurrency}, 1 if unset. */
    private static int consumersOfAdviceService(Path root) throws IOException {
        Properties config = new Properties();
        try (Reader reader = Files.newBufferedReader(root.resolve("advice-service/src/main/resources/application.properties"))) {
            config.load(reader);
        }
        return Integer.parseInt(config.getProperty("mp.messaging.incoming.activity-events.concurrency", "1").trim());
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void log(String line) {
        System.out.println("bench: " + line);
    }
}
