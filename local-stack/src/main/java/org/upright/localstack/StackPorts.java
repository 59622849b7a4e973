package org.upright.localstack;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.upright.localinfra.FreePorts;

/** Where each part of the stack listens; 0 for the database means any free port. */
public record StackPorts(int kafka, int database, int activity, int advice, int notification) {

    /** The documented defaults, each overridable by its environment variable. */
    public static StackPorts fromEnvironment(Function<String, String> env) {
        return new StackPorts(
                port(env, "UPRIGHT_KAFKA_PORT", 9092),
                port(env, "UPRIGHT_DB_PORT", 5433),
                port(env, "UPRIGHT_ACTIVITY_PORT", 8081),
                port(env, "UPRIGHT_ADVICE_PORT", 8082),
                port(env, "UPRIGHT_NOTIFICATION_PORT", 8083));
    }

    /** Free ports for everything, for tests that run beside other stacks; none bound yet, so each differs from the others. */
    public static StackPorts anyFree() {
        int kafka = FreePorts.pick();
        int activity = FreePorts.pickOtherThan(kafka);
        int advice = FreePorts.pickOtherThan(kafka, activity);
        return new StackPorts(kafka, 0, activity, advice, FreePorts.pickOtherThan(kafka, activity, advice));
    }

    /** Each port this stack would listen on that another process already holds, with what it was for. */
    public Map<String, Integer> taken(boolean embeddedDatabase) {
        Map<String, Integer> wanted = new LinkedHashMap<>();
        wanted.put("Kafka broker (UPRIGHT_KAFKA_PORT)", kafka);
        if (embeddedDatabase && database != 0) {
            wanted.put("PostgreSQL (UPRIGHT_DB_PORT)", database);
        }
        wanted.put("activity-service (UPRIGHT_ACTIVITY_PORT)", activity);
        wanted.put("advice-service (UPRIGHT_ADVICE_PORT)", advice);
        wanted.put("notification-service (UPRIGHT_NOTIFICATION_PORT)", notification);
        Map<String, Integer> taken = new LinkedHashMap<>();
        wanted.forEach((what, port) -> {
            if (!FreePorts.isFree(port)) {
                taken.put(what, port);
            }
        });
        return taken;
    }

    private static int port(Function<String, String> env, String name, int fallback) {
        String value = env.apply(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a port number, not '" + value + "'");
        }
    }
}
