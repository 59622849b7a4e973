package org.upright.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.upright.localstack.ServiceProcess;

/**
 * How long a launched app took to answer its first request, how many classes its JVM had loaded by
 * then, and its resident memory at two moments.
 */
final class Footprint {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private static final Duration FIRST_REQUEST_TIMEOUT = Duration.ofSeconds(120);

    final String name;
    final Duration firstRequest;
    final long rssAfterStartKib;
    final long classesAtFirstRequest;
    long rssAfterLoadKib;

    private Footprint(String name, Duration firstRequest, long rssAfterStartKib, long classesAtFirstRequest) {
        this.name = name;
        this.firstRequest = firstRequest;
        this.rssAfterStartKib = rssAfterStartKib;
        this.classesAtFirstRequest = classesAtFirstRequest;
    }

    /**
     * Waits, polling every 10 ms, until {@code probe} answers 200; the time counts from {@code launchedAt}
     * (System.nanoTime() just before the launch).
     */
    static Footprint ofLaunch(ServiceProcess app, long launchedAt, URI probe) throws InterruptedException {
        long deadline = launchedAt + FIRST_REQUEST_TIMEOUT.toNanos();
        HttpRequest request = HttpRequest.newBuilder(probe).timeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < deadline) {
            if (!app.isAlive()) {
                throw new IllegalStateException(app.name() + " exited while starting:\n" + app.tail(20));
            }
            try {
                if (HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    Duration firstRequest = Duration.ofNanos(System.nanoTime() - launchedAt);
                    return new Footprint(app.name(), firstRequest, rssKib(app), loadedClasses(app));
                }
            } catch (IOException notListeningYet) {
                // keep polling
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException(app.name() + " answered no request within " + FIRST_REQUEST_TIMEOUT + ":\n" + app.tail(20));
    }

    void afterLoad(ServiceProcess app) {
        rssAfterLoadKib = rssKib(app);
    }

    /** VmRSS of the app's JVM, from /proc. */
    static long rssKib(ServiceProcess app) {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(app.pid()), "status")).stream()
                    .filter(line -> line.startsWith("VmRSS:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
                    .findFirst().orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the memory of " + app.name(), e);
        }
    }

    /** The classes the app's JVM has loaded (its java.cls.loadedClasses counter, read with jcmd). */
    private static long loadedClasses(ServiceProcess app) {
        try {
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(app.pid()), "PerfCounter.print").redirectErrorStream(true).start();
            String counters = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            jcmd.waitFor();
            return counters.lines().filter(line -> line.startsWith("java.cls.loadedClasses="))
                    .mapToLong(line -> Long.parseLong(line.substring(line.indexOf('=') + 1).trim()))
                    .findFirst().orElseThrow(() -> new IllegalStateException("jcmd gave no class count for " + app.name() + ":\n" + counters));
        } catch (IOException e) {
            throw new UncheckedIOException("could not run jcmd on " + app.name(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while counting the classes of " + app.name(), e);
        }
    }

    String against(Footprint baseline) {
        return String.format("%-22s first request %.2f s (%.2f x), %,d classes loaded by then (%.2f x), RSS %d MiB after start (%.2f x),"
                        + " %d MiB after load (%.2f x)",
                name, firstRequest.toMillis() / 1000.0, (double) firstRequest.toMillis() / baseline.firstRequest.toMillis(),
                classesAtFirstRequest, (double) classesAtFirstRequest / baseline.classesAtFirstRequest,
                rssAfterStartKib / 1024, (double) rssAfterStartKib / baseline.rssAfterStartKib,
                rssAfterLoadKib / 1024, (double) rssAfterLoadKib / baseline.rssAfterLoadKib);
    }
}
