package org.upright.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Kafka's own ConsumerPerformance, in a child JVM: how fast a plain consumer reads the same topic. */
final class ConsumerPerformanceRun {

    private ConsumerPerformanceRun() {
    }

    /** @return records per second while fetching (the tool's fetch.nMsg.sec, which leaves out the group join) */
    static double recordsPerSecond(String bootstrapServers, String topic, int records, Path log) throws Exception {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", System.getProperty("java.class.path"), "org.apache.kafka.tools.ConsumerPerformance",
                "--bootstrap-server", bootstrapServers, "--topic", topic, "--messages", String.valueOf(records),
                "--group", "bench-consumer-performance", "--timeout", "60000");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Files.writeString(log, output);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("ConsumerPerformance failed; see " + log);
        }
        // A header line names the columns; the figures are the later line with as many columns.
        List<String> lines = output.lines().toList();
        List<String> header = lines.stream().filter(line -> line.contains("fetch.nMsg.sec")).findFirst()
                .map(line -> List.of(line.split(",\\s*"))).orElse(List.of());
        for (String line : lines) {
            String[] figures = line.split(",\\s*");
            if (!header.isEmpty() && figures.length == header.size() && !line.contains("fetch.nMsg.sec")) {
                return Double.parseDouble(figures[header.indexOf("fetch.nMsg.sec")].trim());
            }
        }
        throw new IllegalStateException("no figures from ConsumerPerformance; see " + log);
    }
}
