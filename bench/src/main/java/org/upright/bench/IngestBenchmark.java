package org.upright.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;
import org.upright.localinfra.FreePorts;
import org.upright.localinfra.LocalDatabase;
import org.upright.localinfra.LocalJwtKeys;
import org.upright.localinfra.LocalKafka;
import org.upright.localstack.ServiceProcess;

/**
 * activity-service's ingest rate against the limits it sits between, measured in one run on one
 * broker: Kafka's own ProducerPerformance with the service's record size and producer settings;
 * batch ingest; single-event POSTs against a no-op endpoint of the same app; and latency percentiles
 * under a fixed arrival rate (open model).
 *
 * <p>Usage: {@code ./bench/run-ingest [batches] [single requests]}; see README.
 */
public final class IngestBenchmark {

    private static final int EVENTS_PER_BATCH = 500;
    private static final int CONNECTIONS = 8;
    /**
     * ProducerPerformance starts a new JVM and has no warm-up: with 200,000 records it measured
     * about 156k records/s, with 1,000,000 about 332k. At least this many, so the baseline is
     * measured warm, as the service is.
     */
    private static final int RAW_PRODUCER_RECORDS = 2_000_000;
    /**
     * On 2 cores the JIT compiler kept a core busy through the first two rounds, and the service's
     * rates rose 2.5-fold by the third and a little more up to the fifth. The rounds are logged, so
     * a slower machine that has not levelled off by the last one shows it.
     */
    private static final int WARM_UP_ROUNDS = 8;
    /** Runs of each measured load: one run of a load swung by a fifth from the next on the same machine. */
    private static final int MEASURED_RUNS = 3;
    /** Single events are latency-bound (each waits for the broker's ack), so more of them are in flight. */
    private static final int SINGLE_CONNECTIONS = 32;

    private IngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        try {
            measure(args);
        } finally {
            BenchHttp.close();
        }
    }

    private static void measure(String[] args) throws Exception {
        int batches = args.length > 0 ? Integer.parseInt(args[0]) : 400;
        int singles = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        Path root = Path.of(System.getProperty("upright.root", ".")).toAbsolutePath().normalize();
        Path work = root.resolve("bench/target/ingest-" + Instant.now().toString().replace(':', '-'));
        Files.createDirectories(work);
        LocalJwtKeys keys = LocalJwtKeys.inDirectory(work.resolve("keys"));
        int port = FreePorts.pick();

        // the service's port is picked before the broker starts and is not bound yet: the broker takes another
        try (LocalKafka kafka = LocalKafka.start(FreePorts.pickOtherThan(port), work.resolve("kafka.log"), port);
             LocalDatabase database = LocalDatabase.startWithStatementStatistics(0);
             ServiceProcess service = ServiceProcess.start(root, "activity-service", port, Map.of(
                     // -Dbench.profile=true records the service with Java Flight Recorder, to see where its time goes
                     "JAVA_TOOL_OPTIONS", Boolean.getBoolean("bench.profile")
                             ? "-XX:StartFlightRecording=filename=" + work.resolve("activity-service.jfr") + ",settings=profile" : "",
                     "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                     "QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl(),
                     "QUARKUS_DATASOURCE_USERNAME", database.username(),
                     "QUARKUS_DATASOURCE_PASSWORD", database.password(),
                     "MP_JWT_VERIFY_PUBLICKEY_LOCATION", keys.publicKeyFile().toUri().toString(),
                     "UPRIGHT_BENCH_NOOP_ENDPOINT", "true",
                     // the load generator is one very busy device: the limit is not what is measured
                     "UPRIGHT_INGEST_RATE_LIMIT_REQUESTS_PER_SECOND", "1000000",
                     "UPRIGHT_INGEST_RATE_LIMIT_BURST", "1000000"), work.resolve("activity-service.log"), "-Xmx1g")) {
            service.awaitReady();
            URI base = service.baseUri();
            String device = registerDevice(base, keys.mint("bench-user", Set.of("user"), Duration.ofHours(2)));
            EventBodies bodies = new EventBodies();
            HttpLoad events = new HttpLoad(base.resolve("/api/v1/events"), device, 200);
            HttpLoad single = new HttpLoad(base.resolve("/api/v1/events"), device, 202);
            HttpLoad noop = new HttpLoad(base.resolve("/api/v1/bench/noop"), null, 202);
            int recordSize = averageRecordSize(bodies.events(1000));

            log("warming up: " + WARM_UP_ROUNDS + " rounds of each load (the JIT compiler would otherwise take much of the measured time)");
            for (int round = 1; round <= WARM_UP_ROUNDS; round++) {
                double batchRate = events.closedLoopRequestsPerSecond(bodies.batches(200, EVENTS_PER_BATCH), CONNECTIONS);
                double singleRate = single.closedLoopRequestsPerSecond(bodies.events(10_000), SINGLE_CONNECTIONS);
                double noopRate = noop.closedLoopRequestsPerSecond(bodies.events(10_000), SINGLE_CONNECTIONS);
                log("  round " + round + ": batch " + round(batchRate * EVENTS_PER_BATCH) + " events/s, single " + round(singleRate)
                        + " req/s, no-op " + round(noopRate) + " req/s");
            }

            int rawRecords = Math.max(RAW_PRODUCER_RECORDS, batches * EVENTS_PER_BATCH);
            log("raw producer: Kafka ProducerPerformance, " + rawRecords + " records of " + recordSize + " B, " + MEASURED_RUNS + " runs");
            Runs raw = measure(() -> ProducerPerformanceRun.recordsPerSecond(kafka.bootstrapServers(), "bench-raw",
                    rawRecords, recordSize, work.resolve("producer-performance.log")));

            log("batch ingest: " + batches + " POSTs of " + EVENTS_PER_BATCH + " events on " + CONNECTIONS + " connections, "
                    + MEASURED_RUNS + " runs");
            List<CpuSplit.Part> cpuParts = new ArrayList<>(List.of(CpuSplit.Part.process("service", service.pid())));
            cpuParts.addAll(CpuSplit.Part.brokerAndPostgres(kafka.pid(), database.pid()));
            cpuParts.add(CpuSplit.Part.benchmark("load generator"));
            CpuSplit batchCpuSplit = CpuSplit.start(cpuParts);
            Runs ingested;
            String postgresActivity;
            try (PostgresWaits waits = PostgresWaits.sample(database)) {
                ingested = measure(() -> events.closedLoopRequestsPerSecond(bodies.batches(batches, EVENTS_PER_BATCH), CONNECTIONS)
                        * EVENTS_PER_BATCH);
                postgresActivity = waits.summary();
            }
            String batchCpu = "    " + batchCpuSplit.used().perUnit((double) MEASURED_RUNS * batches * EVENTS_PER_BATCH,
                    "batched event", CpuSplit.Scale.MICROSECONDS)
                    + "; PostgreSQL's active backends on average: " + postgresActivity;

            log("single-event POSTs: " + singles + " each to the real and the no-op endpoint, closed loop, " + MEASURED_RUNS
                    + " runs of each, taking turns");
            List<Double> singleRates = new ArrayList<>();
            List<Double> noopRates = new ArrayList<>();
            CpuSplit.Used singleCpu = CpuSplit.Used.NONE;
            CpuSplit.Used noopCpu = CpuSplit.Used.NONE;
            String singlePostgresActivity;
            String singleStatements = PostgresStatements.reset(database);
            try (PostgresWaits waits = PostgresWaits.sample(database)) {
                for (int run = 0; run < MEASURED_RUNS; run++) {
                    CpuSplit singleSplit = CpuSplit.start(cpuParts);
                    singleRates.add(single.closedLoopRequestsPerSecond(bodies.events(singles), SINGLE_CONNECTIONS));
                    singleCpu = singleCpu.plus(singleSplit.used());
                    CpuSplit noopSplit = CpuSplit.start(cpuParts);
                    noopRates.add(noop.closedLoopRequestsPerSecond(bodies.events(singles), SINGLE_CONNECTIONS));
                    noopCpu = noopCpu.plus(noopSplit.used());
                }
                singlePostgresActivity = waits.summary();
            }
            singleStatements = singleStatements.isEmpty() ? PostgresStatements.top(database, work.resolve("statements-single.txt")) : singleStatements;
            double singleRequests = (double) MEASURED_RUNS * singles;
            Runs singleRuns = new Runs(singleRates);
            Runs noopRuns = new Runs(noopRates);
            double singleRate = singleRuns.median();

            double openRate = Math.floor(singleRate / 2);
            int openRequests = (int) Math.min(singles, openRate * 20);
            log("open model: " + openRequests + " single events at " + (int) openRate + "/s (half the closed-loop rate)");
            Histogram singleLatency = single.openModel(bodies.events(openRequests), openRate);
            Histogram noopLatency = noop.openModel(bodies.events(openRequests), openRate);

            String report = String.join("\n",
                    "Upright ingest benchmark, " + Instant.now() + ", " + Runtime.getRuntime().availableProcessors() + " cores",
                    "  medians of " + MEASURED_RUNS + " runs, each run in brackets",
                    "  raw producer (ProducerPerformance, " + recordSize + " B, " + String.join(" ", ProducerPerformanceRun.SERVICE_PRODUCER_SETTINGS)
                            + ", 12 partitions): " + raw + " records/s",
                    "  batch ingest (" + EVENTS_PER_BATCH + " events per POST, " + CONNECTIONS + " connections): " + ingested
                            + " events/s = " + ratio(ingested.median(), raw.median()) + " x raw producer (target >= 0.5)",
                    batchCpu,
                    "  single-event POST, closed loop, " + SINGLE_CONNECTIONS + " connections: " + singleRuns
                            + " req/s; no-op endpoint " + noopRuns + " req/s = " + ratio(singleRate, noopRuns.median())
                            + " x no-op (target >= 0.6)",
                    "    single event: " + singleCpu.perUnit(singleRequests, "request", CpuSplit.Scale.MICROSECONDS)
                            + "; PostgreSQL's active backends on average (no-op runs included): " + singlePostgresActivity,
                    "    PostgreSQL's statements by time (no-op runs included): " + singleStatements,
                    "    no-op: " + noopCpu.perUnit(singleRequests, "request", CpuSplit.Scale.MICROSECONDS),
                    "  open model at " + (int) openRate + " req/s: single event " + percentiles(singleLatency)
                            + "; no-op " + percentiles(noopLatency),
                    "  logs and data: " + work);
            System.out.println();
            System.out.println(report);
            Files.writeString(work.resolve("report.txt"), report + "\n");
        }
    }

    private static String registerDevice(URI base, String personToken) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve("/api/v1/devices"))
                .header("Authorization", "Bearer " + personToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"load generator\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        Matcher token = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(response.body());
        if (response.statusCode() != 201 || !token.find()) {
            throw new IllegalStateException("could not register the load generator's device: " + response.body());
        }
        return token.group(1);
    }

    /** What the service publishes is the posted event plus userId and source: close enough to its size. */
    private static int averageRecordSize(List<String> events) {
        long bytes = events.stream().mapToLong(event -> event.getBytes(StandardCharsets.UTF_8).length + 60).sum();
        return (int) (bytes / events.size());
    }

    private static Runs measure(Measurement measurement) throws Exception {
        List<Double> values = new ArrayList<>();
        for (int run = 0; run < MEASURED_RUNS; run++) {
            values.add(measurement.rate());
        }
        return new Runs(values);
    }

    private interface Measurement {
        double rate() throws Exception;
    }

    /** A rate measured several times: the median, and every run beside it, so the noise shows. */
    private record Runs(List<Double> values) {

        double median() {
            List<Double> sorted = values.stream().sorted().toList();
            return sorted.get(sorted.size() / 2);
        }

        @Override
        public String toString() {
            return round(median()) + " [" + values.stream().map(IngestBenchmark::round).collect(Collectors.joining(", ")) + "]";
        }
    }

    private static String percentiles(Histogram micros) {
        return String.format("p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms, max %.1f ms",
                micros.getValueAtPercentile(50) / 1000.0, micros.getValueAtPercentile(99) / 1000.0,
                micros.getValueAtPercentile(99.9) / 1000.0, micros.getMaxValue() / 1000.0);
    }

    private static String round(double value) {
        return String.format("%,.0f", value);
    }

    private static String ratio(double value, double baseline) {
        return String.format("%.2f", value / baseline);
    }

    private static void log(String line) {
        System.out.println("bench: " + line);
    }
}
