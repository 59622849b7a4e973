package org.upright.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.upright.localinfra.LocalDatabase;
import org.upright.localinfra.LocalJwtKeys;

/**
 * {@code ./upright up}: runs the stack in the foreground until Ctrl-C, {@code ./upright down} or a
 * service dying. Exit codes: 0 stopped on request, 1 a part failed, 2 a port is taken.
 */
public final class LocalStack {

    private LocalStack() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path root = Path.of(System.getProperty("upright.root", ".")).toAbsolutePath().normalize();
        Path stateDir = root.resolve(".upright");
        Path logDir = stateDir.resolve("logs");
        StackPorts ports = StackPorts.fromEnvironment(System::getenv);
        boolean embeddedDatabase = System.getenv(LocalDatabase.JDBC_URL_ENV) == null;

        Map<String, Integer> taken = ports.taken(embeddedDatabase);
        if (!taken.isEmpty()) {
            taken.forEach((what, port) -> System.err.println("port " + port + " for the " + what + " is already in use"));
            System.err.println("Stop what holds it (is a stack already running? ./upright down) or set the variable named to another port.");
            System.exit(2);
        }

        // Written before anything starts, so ./upright status and down see a stack that is still starting.
        // Stopped then, the stack is not built yet: what it had started dies with this JVM (ExitWithParent).
        Path pidFile = stateDir.resolve("stack.pid");
        write(pidFile, String.valueOf(ProcessHandle.current().pid()));
        AtomicBoolean stopping = new AtomicBoolean();
        AtomicReference<Stack> started = new AtomicReference<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping.set(true);
            System.out.println("upright: stopping");
            Optional.ofNullable(started.get()).ifPresent(Stack::close);
            delete(pidFile);
        }, "stop-stack"));

        Stack stack;
        try {
            stack = Stack.start(root, logDir, jwtKeys(stateDir), ports, line -> System.out.println("upright: " + line));
            started.set(stack);
        } catch (RuntimeException e) {
            if (stopping.get()) {
                return;
            }
            System.err.println("upright: the stack could not start: " + e.getMessage());
            System.err.println("upright: logs are in " + logDir);
            System.exit(1);
            return;
        }

        printSummary(stack, logDir);
        while (stack.services().stream().allMatch(ServiceProcess::isAlive)) {
            Thread.sleep(1000);
        }
        if (stopping.get()) {
            return; // the shutdown hook is stopping everything
        }
        stack.services().stream().filter(service -> !service.isAlive()).forEach(service ->
                System.err.println("upright: " + service.name() + " stopped unexpectedly. Last lines of "
                        + service.log() + ":\n" + service.tail(20)));
        System.exit(1);
    }

    private static void printSummary(Stack stack, Path logDir) {
        System.out.println();
        System.out.println("Upright is running.");
        System.out.printf("  %-22s %s%n", "Kafka broker", stack.kafkaBootstrapServers());
        System.out.printf("  %-22s %s%n", "PostgreSQL", stack.database().jdbcUrl()
                + (stack.database().isEmbedded() ? " (embedded, user postgres)" : ""));
        for (ServiceProcess service : stack.services()) {
            System.out.printf("  %-22s %s  (health %s/q/health, API %s/q/openapi)%n", service.name(), service.baseUri(),
                    service.baseUri(), service.baseUri());
        }
        System.out.println("  logs                   " + logDir);
        System.out.println("A person's token: ./upright token <user id>");
        System.out.println("Ctrl-C or ./upright down stops everything.");
    }

    /** Kept across runs, so tokens minted for one run still work after a restart. */
    static LocalJwtKeys jwtKeys(Path stateDir) {
        return LocalJwtKeys.inDirectory(stateDir.resolve("keys"));
    }

    private static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // nothing left to clean up
        }
    }
}
