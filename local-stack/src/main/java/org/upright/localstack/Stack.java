package org.upright.localstack;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.upright.localinfra.LocalDatabase;
import org.upright.localinfra.LocalJwtKeys;
import org.upright.localinfra.LocalKafka;

/**
 * The whole of Upright on one machine: a Kafka broker, PostgreSQL (embedded unless
 * {@value LocalDatabase#JDBC_URL_ENV} names one) and the three packaged services, each with its
 * log in one folder; people's JWTs are verified with the given local key. Closing it stops
 * everything in reverse order.
 */
public final class Stack implements AutoCloseable {

    public static final List<String> SERVICES = List.of("activity-service", "advice-service", "notification-service");

    private final LocalKafka kafka;
    private final LocalDatabase database;
    private final List<ServiceProcess> services;

    private Stack(LocalKafka kafka, LocalDatabase database, List<ServiceProcess> services) {
        this.kafka = kafka;
        this.database = database;
        this.services = services;
    }

    /**
     * Starts everything and waits until each service is ready. If a part fails, what started is
     * stopped again and the exception says which part and why.
     */
    public static Stack start(Path root, Path logDir, LocalJwtKeys jwtKeys, StackPorts ports, Consumer<String> progress) {
        LocalKafka kafka = null;
        LocalDatabase database = null;
        List<ServiceProcess> services = new ArrayList<>();
        try {
            progress.accept("starting Kafka broker on 127.0.0.1:" + ports.kafka());
            kafka = LocalKafka.start(ports.kafka(), logDir.resolve("kafka.log"), ports.activity(), ports.advice(), ports.notification());
            progress.accept("starting PostgreSQL");
            database = LocalDatabase.start(ports.database());
            int[] httpPorts = {ports.activity(), ports.advice(), ports.notification()};
            Map<String, String> environment = new HashMap<>(serviceEnvironment(kafka, database, jwtKeys));
            // the unsubscribe link in each (logged) e-mail then opens on this machine
            environment.put("UPRIGHT_EMAIL_PUBLIC_URL", "http://127.0.0.1:" + ports.notification());
            for (int i = 0; i < SERVICES.size(); i++) {
                String name = SERVICES.get(i);
                progress.accept("starting " + name + " on 127.0.0.1:" + httpPorts[i]);
                services.add(ServiceProcess.start(root, name, httpPorts[i], environment, logDir.resolve(name + ".log")));
            }
            // The services boot side by side; wait for all of them.
            for (ServiceProcess service : services) {
                service.awaitReady();
                progress.accept(service.name() + " is ready");
            }
            return new Stack(kafka, database, services);
        } catch (RuntimeException e) {
            new Stack(kafka, database, services).close();
            throw e;
        }
    }

    public URI uri(String service) {
        return services.stream().filter(s -> s.name().equals(service)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + service)).baseUri();
    }

    /** Kills one service as a crash would, starts it again with the same settings and waits until it is ready. */
    public void crashAndRestart(String service) {
        for (int i = 0; i < services.size(); i++) {
            if (services.get(i).name().equals(service)) {
                ServiceProcess restarted = services.get(i).crashAndRestart();
                services.set(i, restarted);
                restarted.awaitReady();
                return;
            }
        }
        throw new IllegalArgumentException("no service " + service);
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    public LocalDatabase database() {
        return database;
    }

    public List<ServiceProcess> services() {
        return Collections.unmodifiableList(services);
    }

    @Override
    public void close() {
        List<ServiceProcess> reversed = new ArrayList<>(services);
        Collections.reverse(reversed);
        reversed.forEach(ServiceProcess::close);
        if (kafka != null) {
            kafka.close();
        }
        if (database != null) {
            database.close();
        }
    }

    /** What each service needs to find the broker, the database and the key people's tokens are verified with. */
    public static Map<String, String> serviceEnvironment(LocalKafka kafka, LocalDatabase database, LocalJwtKeys jwtKeys) {
        return Map.of(
                // no SMTP server locally: notification-service logs the e-mail it would send
                "QUARKUS_MAILER_MOCK", "true",
                // a webhook receiver tried out locally listens on localhost
                "UPRIGHT_WEBHOOKS_ALLOW_PRIVATE_ADDRESSES", "true",
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", jwtKeys.publicKeyFile().toUri().toString(),
                "MP_JWT_VERIFY_ISSUER", LocalJwtKeys.ISSUER,
                "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl(),
                "QUARKUS_DATASOURCE_USERNAME", database.username(),
                "QUARKUS_DATASOURCE_PASSWORD", database.password());
    }
}
