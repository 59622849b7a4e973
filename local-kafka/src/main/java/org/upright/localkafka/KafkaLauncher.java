package org.upright.localkafka;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * Runs one single-node KRaft broker (broker and controller in one process) on 127.0.0.1.
 *
 * <p>Usage: {@code KafkaLauncher <broker port> <controller port> <data dir>}. Prints
 * {@value #READY_PREFIX} followed by the bootstrap address once clients can use it, and stops,
 * deleting the data directory, when its standard input closes: a parent that dies, even by
 * {@code kill -9}, never leaves a broker behind.
 */
public final class KafkaLauncher {

    public static final String READY_PREFIX = "UPRIGHT-KAFKA-READY ";
    private static final int PARTITIONS = 12;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private KafkaLauncher() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        if (args.length != 3) {
            System.err.println("usage: KafkaLauncher <broker port> <controller port> <data dir>");
            System.exit(2);
        }
        int brokerPort = Integer.parseInt(args[0]);
        int controllerPort = Integer.parseInt(args[1]);
        Path dataDir = Path.of(args[2]);

        Properties config = brokerConfig(brokerPort, controllerPort, dataDir.resolve("log"));
        format(config, dataDir);
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(config, false), Time.SYSTEM);
        Runnable stop = () -> {
            server.shutdown();
            server.awaitShutdown();
            deleteRecursively(dataDir);
        };
        Runtime.getRuntime().addShutdownHook(new Thread(stop, "kafka-launcher-shutdown"));
        server.startup();

        String bootstrap = "127.0.0.1:" + brokerPort;
        awaitClientsServed(bootstrap);
        System.out.println(READY_PREFIX + bootstrap);
        System.out.flush();

        drain(System.in);
        System.exit(0); // runs the shutdown hook
    }

    private static Properties brokerConfig(int brokerPort, int controllerPort, Path logDir) {
        Properties config = new Properties();
        config.putAll(Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", "1"),
                Map.entry("controller.quorum.voters", "1@127.0.0.1:" + controllerPort),
                Map.entry("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort),
                Map.entry("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort),
                Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
                Map.entry("controller.listener.names", "CONTROLLER"),
                Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                Map.entry("log.dirs", logDir.toString()),
                Map.entry("num.partitions", String.valueOf(PARTITIONS)),
                Map.entry("auto.create.topics.enable", "true"),
                Map.entry("offsets.topic.replication.factor", "1"),
                Map.entry("offsets.topic.num.partitions", "12"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("share.coordinator.state.topic.replication.factor", "1"),
                Map.entry("share.coordinator.state.topic.min.isr", "1"),
                Map.entry("min.insync.replicas", "1"),
                Map.entry("default.replication.factor", "1"),
                Map.entry("group.initial.rebalance.delay.ms", "0")));
        return config;
    }

    private static void format(Properties config, Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        Path propertiesFile = dataDir.resolve("server.properties");
        try (OutputStream out = Files.newOutputStream(propertiesFile)) {
            config.store(out, "written by KafkaLauncher");
        }
        String[] formatArgs = {
            "format", "--cluster-id", Uuid.randomUuid().toString(),
            "--config", propertiesFile.toString(), "--ignore-formatted"
        };
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        int exitCode = StorageTool.execute(formatArgs, quiet);
        if (exitCode != 0) {
            throw new IllegalStateException("formatting the log directory failed with exit code " + exitCode);
        }
    }

    /** Startup returns before the broker has registered with its controller; wait until it has. */
    private static void awaitClientsServed(String bootstrap) throws InterruptedException {
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            while (true) {
                try {
                    if (!admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (Exception notYet) {
                    if (Instant.now().isAfter(deadline)) {
                        throw new IllegalStateException("broker did not serve clients within " + READY_TIMEOUT, notYet);
                    }
                }
                Thread.sleep(100);
            }
        }
    }

    private static void drain(InputStream in) {
        byte[] buffer = new byte[256];
        try {
            while (in.read(buffer) >= 0) {
                // nothing to read: the stream only tells us whether the parent is alive
            }
        } catch (IOException parentGone) {
            // same as end of stream
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
