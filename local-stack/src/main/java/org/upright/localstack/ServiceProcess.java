package org.upright.localstack;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
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
import java.util.function.Supplier;
import org.upright.localinfra.ChildProcesses;

/** One packaged Quarkus service running as a child process, ready once its readiness probe says UP. */
public final class ServiceProcess implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Process process;
    private final URI baseUri;
    private final Path log;
    private final Supplier<ServiceProcess> relaunch;

    private ServiceProcess(String name, Process process, URI baseUri, Path log, Supplier<ServiceProcess> relaunch) {
        this.name = name;
        this.process = process;
        this.baseUri = baseUri;
        this.log = log;
        this.relaunch = relaunch;
    }

    /** Starts {@code <root>/<name>/target/quarkus-app/quarkus-run.jar} on the port, with the environment. */
    public static ServiceProcess start(Path root, String name, int port, Map<String, String> environment, Path log) {
        return start(root, name, port, environment, log, "-Xmx256m");
    }

    /** The same with another heap size, such as -Xmx1g for a benchmark. */
    public static ServiceProcess start(Path root, String name, int port, Map<String, String> environment, Path log,
                                       String maxHeap) {
        Path jar = root.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(name + " is not built: " + jar + " is missing (./mvnw install -DskipTests)");
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), maxHeap,
                "-Dquarkus.http.port=" + port, "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.log.console.json.enabled=false",
                "-Djava.util.logging.manager=org.jboss.logmanager.LogManager",
                "-cp", ownLocation() + File.pathSeparator + jar,
                ExitWithParent.class.getName(), "io.quarkus.bootstrap.runner.QuarkusEntryPoint"));
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            return new ServiceProcess(name, builder.start(), URI.create("http://127.0.0.1:" + port), log,
                    () -> start(root, name, port, environment, log.resolveSibling(name + "-restarted.log"), maxHeap));
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
    }

    /** Waits until the service reports ready; fails with the end of its log if it dies first. */
    public void awaitReady() {
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        HttpRequest probe = HttpRequest.newBuilder(baseUri.resolve("/q/health/ready")).timeout(Duration.ofSeconds(2)).build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with code " + process.exitValue()
                        + " while starting. Last lines of " + log + ":\n" + tail(20));
            }
            try {
                if (HTTP.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // keep waiting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + name, e);
            }
            pause();
        }
        throw new IllegalStateException(name + " was not ready within " + READY_TIMEOUT + ". Last lines of " + log + ":\n" + tail(20));
    }

    public String name() {
        return name;
    }

    public URI baseUri() {
        return baseUri;
    }

    public Path log() {
        return log;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Closes the child's standard input, which makes it shut down gracefully; kills it if it hangs. */
    @Override
    public void close() {
        ChildProcesses.stop(process);
    }

    /** Kills the service at once, as a crash would, and starts it again on the same port and settings, logging to a new file. */
    public ServiceProcess crashAndRestart() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + name + " was stopping", e);
        }
        return relaunch.get();
    }

    public String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    private static String ownLocation() {
        try {
            return Path.of(ExitWithParent.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
