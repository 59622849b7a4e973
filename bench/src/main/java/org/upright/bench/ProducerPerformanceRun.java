package org.upright.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Kafka's own ProducerPerformance, in a child JVM, with the producer settings activity-service uses. */
final class ProducerPerformanceRun {

    static final List<String> SERVICE_PRODUCER_SETTINGS = List.of(
            "acks=all", "enable.idempotence=true", "linger.ms=5", "batch.size=65536", "compression.type=lz4");
    private static final Pattern SUMMARY = Pattern.compile("(\\d+) records sent, ([\\d.]+) records/sec");

    private ProducerPerformanceRun() {
    }

    /** @return records per second, as the tool's summary line reports it */
    static double recordsPerSecond(String bootstrapServers, String topic, int records, int recordSize, Path log)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), "org.apache.kafka.tools.ProducerPerformance",
                "--topic", topic, "--num-records", String.valueOf(records), "--record-size", String.valueOf(recordSize),
                "--throughput", "-1", "--producer-props", "bootstrap.servers=" + bootstrapServers));
        command.addAll(SERVICE_PRODUCER_SETTINGS);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        java.nio.file.Files.writeString(log, output);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("ProducerPerformance failed; see " + log);
        }
        // Progress lines come first; the last line of this shape is the whole run's summary.
        String rate = null;
        Matcher matcher = SUMMARY.matcher(output);
        while (matcher.find()) {
            rate = matcher.group(2);
        }
        if (rate == null) {
            throw new IllegalStateException("no summary line from ProducerPerformance; see " + log);
        }
        return Double.parseDouble(rate);
    }
}
