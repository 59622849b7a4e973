package org.upright.localinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * A real single-node Kafka broker in a child JVM (see local-kafka's {@code KafkaLauncher}).
 *
 * <p>The child stops when its standard input closes, so it dies with this JVM however this JVM
 * ends. Its output goes to a log file, where the ready line is also looked for.
 */
public final class LocalKafka implements AutoCloseable {

    /** Set by Maven for tests; otherwise found by walking up from the working directory. */
    public static final String CLASSPATH_PROPERTY = "upright.kafka.classpath";
    private static final String CLASSPATH_FILE = "local-kafka/target/broker.classpath";
    private static final String READY_PREFIX = "UPRIGHT-KAFKA-READY ";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Process process;
    private final String bootstrapServers;

    private LocalKafka(Process process, String bootstrapServers) {
        this.process = process;
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * @param alsoPicked ports the caller has picked for other servers and not bound yet: the
     *                   broker's controller listener takes none of them
     */
    public static LocalKafka start(int brokerPort, Path log, int... alsoPicked) {
        Path classpathFile = locateClasspathFile();
        try {
            Path dataDir = Files.createTempDirectory("upright-kafka-");
            Files.createDirectories(log.toAbsolutePath().getParent());
            String classpath = classpathFile.resolveSibling("classes") + java.io.File.pathSeparator
                    + Files.readString(classpathFile).trim();
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            int controllerPort = FreePorts.pickOtherThan(IntStream.concat(IntStream.of(brokerPort), IntStream.of(alsoPicked)).toArray());
            List<String> command = List.of(java.toString(), "-Xmx512m", "-XX:+UseSerialGC",
                    "-cp", classpath, "org.upright.localkafka.KafkaLauncher",
                    String.valueOf(brokerPort), String.valueOf(controllerPort), dataDir.toString());
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            return new LocalKafka(process, awaitReady(process, log));
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the Kafka broker", e);
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The broker's process, for those who measure what it costs. */
    public long pid() {
        return process.pid();
    }

    /** Freezes the broker (SIGSTOP): to clients it looks hung or cut off, as in an outage. */
    public void freeze() {
        signal("STOP");
    }

    /** Lets a frozen broker run again (SIGCONT). */
    public void thaw() {
        signal("CONT");
    }

    private void signal(String name) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).inheritIO().start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill -" + name + " failed for the broker");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Closes the child's standard input, which makes it shut down and delete its data. */
    @Override
    public void close() {
        ChildProcesses.stop(process);
    }

    private static String awaitReady(Process process, Path log) throws IOException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            Optional<String> ready = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                    .filter(line -> line.startsWith(READY_PREFIX))
                    .findFirst();
            if (ready.isPresent()) {
                return ready.get().substring(READY_PREFIX.length()).trim();
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("the Kafka broker exited with code " + process.exitValue()
                        + " before it was ready; see " + log.toAbsolutePath());
            }
            sleep(Duration.ofMillis(100));
        }
        process.destroyForcibly();
        throw new IllegalStateException("the Kafka broker was not ready within " + START_TIMEOUT
                + "; see " + log.toAbsolutePath());
    }

    private static Path locateClasspathFile() {
        String configured = System.getProperty(CLASSPATH_PROPERTY);
        if (configured != null && Files.isRegularFile(Path.of(configured))) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(CLASSPATH_FILE);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("cannot find " + CLASSPATH_FILE
                + ": build the broker launcher first (./mvnw -pl local-kafka package)");
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the Kafka broker", e);
        }
    }
}
