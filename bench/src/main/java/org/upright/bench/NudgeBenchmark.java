package org.upright.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;
import org.upright.localinfra.FreePorts;
import org.upright.localinfra.LocalDatabase;
import org.upright.localinfra.LocalJwtKeys;
import org.upright.localinfra.LocalKafka;
import org.upright.localstack.ServiceProcess;
import org.upright.localstack.Stack;

/**
 * The whole pipeline end to end: each event is stamped when activity-service answers 202, and its
 * nudge when it reaches a webhook receiver. First the sustainable rate (a closed loop over the whole
 * pipeline: a fixed number of events in flight, each new one posted when an earlier nudge arrived),
 * then latency under an open-model load at half that rate.
 * Beside it, each service's time to first request and resident memory against a hello-world Quarkus
 * app built and launched the same way.
 *
 * <p>Each event is a closed sitting bout of 55 minutes, which the sitting-hourly-break rule nudges
 * at once; people have webhooks on and no quiet hours, cooldown or cap in the way. The bouts lie
 * within the last 15 days, so advice-service's week review takes each person up in the warm-up, as
 * it does once a week, and not in the middle of a measurement (about 50 bouts a person, 3 hours apart).
 *
 * <p>Usage: {@code ./bench/run-nudges [people (600)] [seconds at half rate (60)] [a fixed rate instead]}; see README.
 */
public final class NudgeBenchmark {

    private static final String RULE = "sitting-hourly-break";
    private static final Duration BOUT = Duration.ofMinutes(55);
    private static final Duration BETWEEN_BOUTS = Duration.ofHours(3);
    /**
     * Each load is warmed up in rounds until the services' JIT compilers (C1 and C2 threads, from
     * /proc) used less than this share of one core in a round: before that they took more CPU than
     * the work itself, for minutes on 2 cores, and a measurement then measured the compiling.
     */
    private static final double JIT_QUIET_CORES = 0.05;
    private static final int WARM_UP_ROUND_EVENTS = 3_000;
    private static final int WARM_UP_ROUNDS_AT_MOST = 15;
    private static final int CAPACITY_EVENTS = 6_000;
    /**
     * Going from the closed loop's batches to events one at a time, the services recompile (JFR
     * shows deoptimizations and long C2 compilations): the open model settles in rounds this long.
     */
    private static final int SETTLING_ROUND_SECONDS = 10;
    private static final int SETTLING_ROUNDS_AT_MOST = 18;
    /** A stretch without load after the measured minute, to see what the stack costs by itself: a share of every event's CPU at low rates. */
    private static final int IDLE_SECONDS = 10;
    private static final int CONNECTIONS = 16;
    /** Events between their 202 and their nudge while the sustainable rate is measured: enough to keep every stage busy. */
    private static final int IN_FLIGHT = 100;
    private static final Duration ARRIVAL_TIMEOUT = Duration.ofMinutes(3);
    /**
     * The highest daily cap a person may set: a run pushes at most this many nudges per person, all
     * on one day, so it needs enough people for all its events (the warm-up's rounds included).
     */
    private static final int DAILY_CAP = 100;

    private final List<String> people = new ArrayList<>();
    private final List<String> tokens = new ArrayList<>();
    private final int[] boutsOf;
    /**
     * Each person's bouts follow one another from here, {@link #BETWEEN_BOUTS} apart: room for 112
     * each before they would reach the present, more than the {@link #DAILY_CAP} a run may push.
     */
    private final Instant firstBout = Instant.now().minus(Duration.ofDays(14)).truncatedTo(ChronoUnit.HOURS);
    private final WebhookReceiver receiver;
    private int nextPerson;

    private NudgeBenchmark(int people, LocalJwtKeys keys, WebhookReceiver receiver) {
        for (int p = 0; p < people; p++) {
            String person = "bench-person-" + p;
            this.people.add(person);
            tokens.add(keys.mint(person, Set.of("user"), Duration.ofHours(4)));
        }
        this.boutsOf = new int[people];
        this.receiver = receiver;
    }

    public static void main(String[] args) throws Exception {
        try {
            measure(args);
        } finally {
            BenchHttp.close();
        }
    }

    private static void measure(String[] args) throws Exception {
        int people = args.length > 0 ? Integer.parseInt(args[0]) : 1_200;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        // a fixed rate instead of half the sustainable one, to see how latency changes with load
        double fixedRate = args.length > 2 ? Double.parseDouble(args[2]) : 0;
        Path root = Path.of(System.getProperty("upright.root", ".")).toAbsolutePath().normalize();
        Path work = root.resolve("bench/target/nudges-" + Instant.now().toString().replace(':', '-'));
        Files.createDirectories(work);
        LocalJwtKeys keys = LocalJwtKeys.inDirectory(work.resolve("keys"));
        Map<String, Footprint> footprints = new LinkedHashMap<>();

        try (LocalKafka kafka = LocalKafka.start(FreePorts.pick(), work.resolve("kafka.log"));
             LocalDatabase database = LocalDatabase.startWithStatementStatistics(0);
             WebhookReceiver receiver = WebhookReceiver.start(RULE);
             Launched services = new Launched()) {
            log("hello-world: time to first request, memory before and after 10,000 JSON POSTs");
            footprints.put("hello-world", helloWorld(root, work));

            Map<String, String> environment = new LinkedHashMap<>(Stack.serviceEnvironment(kafka, database, keys));
            environment.put("UPRIGHT_INGEST_RATE_LIMIT_REQUESTS_PER_SECOND", "1000");
            environment.put("UPRIGHT_INGEST_RATE_LIMIT_BURST", "1000");
            for (String name : Stack.SERVICES) {
                log(name + ": started alone, time to ready");
                Map<String, String> serviceEnvironment = new LinkedHashMap<>(environment);
                // -Dbench.serviceJavaOptions="…" adds JVM options to the services (not to hello-world), for experiments
                String javaOptions = System.getProperty("bench.serviceJavaOptions", "");
                if (Boolean.getBoolean("bench.profile")) {
                    // -Dbench.profile=true records each service with Java Flight Recorder, to see where its time goes
                    javaOptions += " -XX:StartFlightRecording=filename=" + work.resolve(name + ".jfr") + ",settings=profile";
                }
                if (!javaOptions.isBlank()) {
                    serviceEnvironment.put("JAVA_TOOL_OPTIONS", javaOptions.strip());
                }
                long launchedAt = System.nanoTime();
                ServiceProcess service = ServiceProcess.start(root, name, FreePorts.pick(), serviceEnvironment, work.resolve(name + ".log"));
                services.add(service);
                footprints.put(name, Footprint.ofLaunch(service, launchedAt, service.baseUri().resolve("/q/health/ready")));
            }
            URI activity = services.get(0).baseUri();
            URI notification = services.get(2).baseUri();

            NudgeBenchmark bench = new NudgeBenchmark(people, keys, receiver);
            log("setting up " + people + " people: webhook endpoint, no quiet hours, cooldown or cap");
            bench.setUp(notification);
            HttpLoad events = new HttpLoad(activity.resolve("/api/v1/events"), null, 202);

            log("warming up: rounds of " + WARM_UP_ROUND_EVENTS + " events until the JIT compilers are quiet");
            String warmUp = untilCompiled(services, WARM_UP_ROUNDS_AT_MOST, () -> bench.run(events, WARM_UP_ROUND_EVENTS, 0));

            log("sustainable rate: " + CAPACITY_EVENTS + " events, " + IN_FLIGHT + " at a time between their 202 and their nudge");
            Run capacity = bench.run(events, CAPACITY_EVENTS, 0);
            double sustainable = capacity.nudgesPerSecond();

            double rate = fixedRate > 0 ? fixedRate : Math.floor(sustainable / 2);
            log("settling: rounds of " + SETTLING_ROUND_SECONDS + " s at " + (int) rate + "/s until the JIT compilers are quiet, not measured");
            String settling = untilCompiled(services, SETTLING_ROUNDS_AT_MOST,
                    () -> bench.run(events, (int) (rate * SETTLING_ROUND_SECONDS), rate));

            List<CpuSplit.Part> cpuParts = new ArrayList<>();
            services.forEach(service -> cpuParts.add(CpuSplit.Part.process(service.name(), service.pid())));
            cpuParts.addAll(CpuSplit.Part.brokerAndPostgres(kafka.pid(), database.pid()));
            cpuParts.add(CpuSplit.Part.benchmark("load generator and webhook receiver"));
            int count = (int) (rate * seconds);
            log("latency: " + count + " events at " + (int) rate + "/s (" + (fixedRate > 0 ? "as asked" : "half the sustainable rate")
                    + "), open model");
            CpuSplit cpuSplit = CpuSplit.start(cpuParts);
            long compilingBefore = jitCompilers(services);
            Map<String, Long> watched = new LinkedHashMap<>();
            services.forEach(service -> watched.put(service.name(), service.pid()));
            watched.put("benchmark", ProcessHandle.current().pid());
            Map<String, Map<String, Long>> threadsBefore = new LinkedHashMap<>();
            watched.forEach((name, pid) -> threadsBefore.put(name, CpuTime.ofThreadsByName(pid)));
            long startedAt = System.nanoTime();
            Run latency;
            String postgres;
            PostgresBackends backends = PostgresBackends.start(database);
            String statements = PostgresStatements.reset(database);
            try (PostgresWaits waits = PostgresWaits.sample(database)) {
                latency = bench.run(events, count, rate);
                postgres = "    PostgreSQL's active backends on average: " + waits.summary();
            }
            statements = "    PostgreSQL's statements by time: " + (statements.isEmpty() ? PostgresStatements.top(database, work.resolve("statements.txt")) : statements);
            String cpu = "    " + cpuPerEvent(cpuSplit.used(), System.nanoTime() - startedAt, count);
            String threads = busiestThreads(watched, threadsBefore, count);
            String postgresCpu = "    " + backends.since(count, "event");
            String compiling = String.format("    JIT compilers: warm-up %s; settling %s; while measured %.2f ms per event (in the services' figures)",
                    warmUp, settling, (jitCompilers(services) - compilingBefore) / (double) count);
            // after the measurement, so that the measured minute follows the settling at once, as the settling meant
            log("idle: " + IDLE_SECONDS + " s with no load, the CPU the stack uses by itself (pollers, timers, the broker)");
            CpuSplit idleSplit = CpuSplit.start(cpuParts);
            Thread.sleep(IDLE_SECONDS * 1000L);
            String idle = "    idle, " + IDLE_SECONDS + " s without load: " + idleSplit.used().perUnit(IDLE_SECONDS, "second", CpuSplit.Scale.MILLISECONDS);
            for (int i = 0; i < services.size(); i++) {
                footprints.get(Stack.SERVICES.get(i)).afterLoad(services.get(i));
            }
            Footprint hello = footprints.get("hello-world");
            List<String> lines = new ArrayList<>(List.of(
                    "Upright nudge benchmark, " + Instant.now() + ", " + Runtime.getRuntime().availableProcessors() + " cores, "
                            + people + " people",
                    "  sustainable rate, 202 of activity-service to the webhook receiver: " + String.format("%,.0f", sustainable)
                            + " nudges/s (" + CAPACITY_EVENTS + " events, " + IN_FLIGHT + " in flight at a time)",
                    "  open model at " + (int) rate + " events/s for " + seconds + " s (" + count + " events): "
                            + latency.percentiles() + " (target p99 <= 50 ms)",
                    "    " + latency.stages(database),
                    "    " + latency.slowSeconds(),
                    cpu,
                    threads,
                    postgresCpu,
                    idle,
                    compiling,
                    postgres,
                    statements,
                    deadRows(database),
                    "  footprint, each launched alone with -Xmx256m the same way (ratio to hello-world, target <= 1.5 x):",
                    String.format("    %-22s first request %.2f s, %,d classes loaded by then, RSS %d MiB after start, %d MiB after"
                                    + " 10,000 requests", hello.name, hello.firstRequest.toMillis() / 1000.0, hello.classesAtFirstRequest,
                            hello.rssAfterStartKib / 1024, hello.rssAfterLoadKib / 1024)));
            for (String name : Stack.SERVICES) {
                lines.add("    " + footprints.get(name).against(hello));
            }
            lines.add("  logs and data: " + work);
            String report = String.join("\n", lines);
            System.out.println();
            System.out.println(report);
            Files.writeString(work.resolve("report.txt"), report + "\n");
        }
    }

    private static String cpuPerEvent(CpuSplit.Used used, long elapsedNanos, int events) {
        int cores = Runtime.getRuntime().availableProcessors();
        return used.perUnit(events, "event", CpuSplit.Scale.MILLISECONDS)
                + String.format(" (busy %.0f %% of its %d cores)", 100 * used.machine() / (elapsedNanos / 1e6) / cores, cores);
    }

    /**
     * Each service's busiest threads since {@code before}, and the benchmark's own, by name, in CPU per
     * event: what its share of the machine goes to.
     */
    private static String busiestThreads(Map<String, Long> processes, Map<String, Map<String, Long>> before, int events) {
        List<String> lines = new ArrayList<>();
        processes.forEach((name, pid) -> {
            Map<String, Long> earlier = before.get(name);
            lines.add("      " + name + ": " + CpuTime.ofThreadsByName(pid).entrySet().stream()
                    .map(group -> Map.entry(group.getKey(), group.getValue() - earlier.getOrDefault(group.getKey(), 0L)))
                    .filter(group -> group.getValue() > 0)
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .limit(6)
                    .map(group -> String.format("%s %.2f", group.getKey(), group.getValue() / (double) events))
                    .collect(Collectors.joining(", ")));
        });
        return "    busiest threads, ms of CPU per event:\n" + String.join("\n", lines);
    }

    private interface Round {
        void run() throws InterruptedException;
    }

    /**
     * Runs rounds until the services' JIT compilers used less than {@link #JIT_QUIET_CORES} of a
     * core in one, or {@code most} of them; says how many it took and how busy the compilers were.
     */
    private static String untilCompiled(List<ServiceProcess> services, int most, Round round) throws InterruptedException {
        List<String> busy = new ArrayList<>();
        for (int done = 1; ; done++) {
            long compilingBefore = jitCompilers(services);
            long startedAt = System.nanoTime();
            round.run();
            double cores = (jitCompilers(services) - compilingBefore) / ((System.nanoTime() - startedAt) / 1e6);
            busy.add(String.format("%.2f", cores));
            log("  round " + done + ": JIT compilers " + busy.get(busy.size() - 1) + " of a core");
            if (cores < JIT_QUIET_CORES || done == most) {
                return done + " rounds, compilers " + String.join(" ", busy) + " of a core"
                        + (cores < JIT_QUIET_CORES ? "" : " (not quiet yet)");
            }
        }
    }

    private static long jitCompilers(List<ServiceProcess> services) {
        return services.stream().mapToLong(service -> CpuTime.ofJitCompilers(service.pid())).sum();
    }

    /** The services, stopped before the broker and the database they use. */
    private static final class Launched extends ArrayList<ServiceProcess> implements AutoCloseable {

        @Override
        public void close() {
            forEach(ServiceProcess::close);
        }
    }

    private static Footprint helloWorld(Path root, Path work) throws InterruptedException {
        long launchedAt = System.nanoTime();
        try (ServiceProcess hello = ServiceProcess.start(root, "bench/hello-world", FreePorts.pick(), Map.of(),
                work.resolve("hello-world.log"))) {
            Footprint footprint = Footprint.ofLaunch(hello, launchedAt, hello.baseUri().resolve("/hello"));
            List<String> bodies = new ArrayList<>();
            for (int i = 0; i < 10_000; i++) {
                bodies.add("{\"greeting\": \"hello\", \"n\": " + i + "}");
            }
            new HttpLoad(hello.baseUri().resolve("/hello"), null, 200).closedLoopRequestsPerSecond(bodies, CONNECTIONS);
            footprint.afterLoad(hello);
            return footprint;
        }
    }

    private void setUp(URI notification) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        for (int p = 0; p < people.size(); p++) {
            URI personal = notification.resolve("/api/v1/users/" + people.get(p) + "/");
            send(http, HttpRequest.newBuilder(personal.resolve("preferences")).PUT(HttpRequest.BodyPublishers.ofString(
                    "{\"timeZone\": \"UTC\", \"quietHours\": {}, \"dailyCap\": " + DAILY_CAP + ", \"cooldownMinutes\": 0,"
                            + " \"ruleCooldownMinutes\": {}, \"channels\": [\"webhook\"]}")), tokens.get(p), 200);
            send(http, HttpRequest.newBuilder(personal.resolve("webhooks")).POST(HttpRequest.BodyPublishers.ofString(
                    "{\"url\": \"" + receiver.endpointOf(people.get(p)) + "\"}")), tokens.get(p), 201);
        }
    }

    private static void send(HttpClient http, HttpRequest.Builder request, String token, int expected)
            throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(request.build().uri() + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    /**
     * Posts {@code count} bouts and waits for their nudges: at a fixed rate, or when {@code rate} is 0
     * as fast as the whole pipeline delivers them.
     */
    private Run run(HttpLoad events, int count, double rate) throws InterruptedException {
        if (nextPerson + count > (long) people.size() * DAILY_CAP) {
            throw new IllegalStateException("more than " + DAILY_CAP + " nudges per person today would be held back by the daily cap:"
                    + " run with more people than " + people.size());
        }
        List<HttpLoad.Request> requests = new ArrayList<>(count);
        List<String> keys = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int p = nextPerson++ % people.size();
            Instant start = firstBout.plus(BETWEEN_BOUTS.multipliedBy(boutsOf[p]++));
            Instant end = start.plus(BOUT);
            requests.add(new HttpLoad.Request("{\"eventId\": \"" + UUID.randomUUID() + "\", \"type\": \"sitting\", \"start\": \"" + start
                    + "\", \"end\": \"" + end + "\", \"timeZone\": \"UTC\", \"boutId\": \"bench-" + p + "-" + boutsOf[p] + "\"}",
                    tokens.get(p)));
            keys.add(WebhookReceiver.key(people.get(p), start + "/" + end));
        }
        long[] acceptedAt = new long[count];
        long[] acceptedAtMicros = new long[count];
        IntConsumer accepted = i -> {
            acceptedAt[i] = System.nanoTime();
            acceptedAtMicros[i] = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
        };
        if (rate == 0) {
            // a closed loop over the whole pipeline: a new event only when an earlier one's nudge has arrived
            Semaphore inFlight = new Semaphore(IN_FLIGHT);
            Set<String> ofThisRun = Set.copyOf(keys);
            receiver.onArrival(key -> {
                if (ofThisRun.contains(key)) {
                    inFlight.release();
                }
            });
            events.closedLoopRequestsPerSecond(requests, CONNECTIONS, () -> {
                try {
                    // a nudge that never comes must not stop the run: it is reported as missing at the end
                    inFlight.tryAcquire(ARRIVAL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, accepted);
        } else {
            events.openModel(requests, rate, accepted);
        }
        long deadline = System.nanoTime() + ARRIVAL_TIMEOUT.toNanos();
        while (keys.stream().anyMatch(key -> receiver.arrivedAt(key) == null) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        return new Run(keys, acceptedAt, acceptedAtMicros, receiver);
    }

    /**
     * The events of one run: when each was accepted (on the monotonic clock and the wall clock) and
     * when its nudge arrived.
     */
    private record Run(List<String> keys, long[] acceptedAt, long[] acceptedAtMicros, WebhookReceiver receiver) {

        /**
         * Where the time went, from what notification-service recorded: 202 to the advice issued
         * (advice-service's batch, whose commit follows), issued to received (the commit, the outbox,
         * the second topic), received to the webhook's answer (the policy, the commit, the sending).
         */
        String stages(LocalDatabase database) throws SQLException {
            Map<String, Integer> indexOf = new HashMap<>();
            for (int i = 0; i < keys.size(); i++) {
                indexOf.put(keys.get(i), i);
            }
            Histogram toIssued = new Histogram(3);
            Histogram toReceived = new Histogram(3);
            Histogram toSent = new Histogram(3);
            try (Connection connection = database.connect();
                 PreparedStatement query = connection.prepareStatement(
                         "select n.user_id, n.period, n.issued_at, n.received_at, max(m.updated_at) from notification.notification n"
                                 + " join notification.delivery d on d.advice_id = n.advice_id and d.channel = 'webhook'"
                                 + " join notification.webhook_message m on m.delivery_id = d.id and m.status = 'delivered'"
                                 + " where n.rule_id = ? group by n.advice_id")) {
                query.setString(1, RULE);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        Integer i = indexOf.get(WebhookReceiver.key(rows.getString(1), rows.getString(2)));
                        if (i != null) {
                            long issued = micros(rows.getTimestamp(3));
                            long received = micros(rows.getTimestamp(4));
                            toIssued.recordValue(Math.max(1, issued - acceptedAtMicros[i]));
                            toReceived.recordValue(Math.max(1, received - issued));
                            toSent.recordValue(Math.max(1, micros(rows.getTimestamp(5)) - received));
                        }
                    }
                }
            }
            return "202 to issued " + NudgeBenchmark.percentiles(toIssued) + "\n    issued to received " + NudgeBenchmark.percentiles(toReceived)
                    + "\n    received to sent " + NudgeBenchmark.percentiles(toSent);
        }

        private static long micros(Timestamp time) {
            return ChronoUnit.MICROS.between(Instant.EPOCH, time.toInstant());
        }

        double nudgesPerSecond() {
            long first = Long.MAX_VALUE;
            long last = Long.MIN_VALUE;
            for (int i = 0; i < keys.size(); i++) {
                first = Math.min(first, acceptedAt[i]);
                last = Math.max(last, arrival(i));
            }
            return keys.size() / ((last - first) / 1e9);
        }

        String percentiles() {
            Histogram micros = new Histogram(3);
            for (int i = 0; i < keys.size(); i++) {
                micros.recordValue(Math.max(1, (arrival(i) - acceptedAt[i]) / 1000));
            }
            return NudgeBenchmark.percentiles(micros);
        }

        /** Whether the tail is spread over the run or comes in bursts: the seconds (by acceptance) whose slowest nudge took over 50 ms. */
        String slowSeconds() {
            long first = Arrays.stream(acceptedAt).min().orElse(0);
            TreeMap<Long, Long> slowestOf = new TreeMap<>();
            for (int i = 0; i < keys.size(); i++) {
                slowestOf.merge((acceptedAt[i] - first) / 1_000_000_000L, arrival(i) - acceptedAt[i], Math::max);
            }
            List<String> slow = slowestOf.entrySet().stream().filter(second -> second.getValue() > 50_000_000L)
                    .map(second -> String.format("%ds %.0f ms", second.getKey(), second.getValue() / 1e6)).toList();
            // the wall clock of second 0, to find a burst in the services' logs and recordings
            Instant secondZero = Instant.EPOCH.plus(Arrays.stream(acceptedAtMicros).min().orElse(0), ChronoUnit.MICROS);
            return "seconds of the run (from " + secondZero.truncatedTo(ChronoUnit.MILLIS) + ") whose slowest nudge took over 50 ms: "
                    + slow.size() + " of " + slowestOf.size()
                    + (slow.isEmpty() ? "" : " (" + String.join(", ", slow.subList(0, Math.min(slow.size(), 20)))
                    + (slow.size() > 20 ? ", …" : "") + ")");
        }

        private long arrival(int i) {
            Long arrived = receiver.arrivedAt(keys.get(i));
            if (arrived == null) {
                throw new IllegalStateException("the nudge for " + keys.get(i) + " never reached the receiver within " + ARRIVAL_TIMEOUT);
            }
            return arrived;
        }
    }

    /** Rows of the notification queues that updates left dead and vacuum has not cleared yet: what the senders' scans wade through. */
    private static String deadRows(LocalDatabase database) throws SQLException {
        try (Connection connection = database.connect();
             ResultSet rows = connection.createStatement().executeQuery("select relname, n_live_tup, n_dead_tup, autovacuum_count"
                     + " from pg_stat_user_tables where schemaname = 'notification' and relname in ('delivery', 'webhook_message')"
                     + " order by relname")) {
            StringBuilder line = new StringBuilder("    at the end:");
            while (rows.next()) {
                line.append(String.format(" %s %,d live and %,d dead rows (autovacuumed %d times);", rows.getString(1), rows.getLong(2),
                        rows.getLong(3), rows.getLong(4)));
            }
            return line.toString();
        }
    }

    private static String percentiles(Histogram micros) {
        return String.format("p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms, max %.1f ms", micros.getValueAtPercentile(50) / 1000.0,
                micros.getValueAtPercentile(99) / 1000.0, micros.getValueAtPercentile(99.9) / 1000.0, micros.getMaxValue() / 1000.0);
    }

    private static void log(String line) {
        System.out.println("bench: " + line);
    }
}
