package org.upright.localinfra;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Gives a Quarkus test a real Kafka broker, a real PostgreSQL server and a JWT verification key.
 *
 * <p>Both are started once per test JVM and shared by every test class of a module, so a module's
 * run pays for one broker and one database. {@code KAFKA_BOOTSTRAP_SERVERS} names a running broker
 * to use instead; {@value LocalDatabase#JDBC_URL_ENV} does the same for the database.
 */
public class LocalInfraTestResource implements QuarkusTestResourceLifecycleManager {

    private static Map<String, String> config;
    private static LocalKafka kafka;
    private static LocalJwtKeys jwtKeys;

    /** The broker this JVM started, to take it away in outage tests; empty when KAFKA_BOOTSTRAP_SERVERS named one. */
    public static synchronized Optional<LocalKafka> kafka() {
        return Optional.ofNullable(kafka);
    }

    /** A person's JWT, valid for an hour, that the service under test accepts. */
    public static String personToken(String userId) {
        return jwtKeys().mint(userId, Set.of("user"), Duration.ofHours(1));
    }

    /** Mints people's tokens that the service under test accepts. */
    public static synchronized LocalJwtKeys jwtKeys() {
        if (jwtKeys == null) {
            try {
                jwtKeys = LocalJwtKeys.inDirectory(Files.createTempDirectory("upright-jwt-"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return jwtKeys;
    }

    @Override
    public synchronized Map<String, String> start() {
        if (config == null) {
            config = startShared();
        }
        return config;
    }

    @Override
    public void stop() {
        // shared by all test classes; stopped when the JVM exits
    }

    private static Map<String, String> startShared() {
        String bootstrapServers = Optional.ofNullable(System.getenv("KAFKA_BOOTSTRAP_SERVERS"))
                .filter(servers -> !servers.isBlank())
                .orElseGet(() -> {
                    kafka = LocalKafka.start(FreePorts.pick(), Path.of("target", "kafka.log"));
                    Runtime.getRuntime().addShutdownHook(new Thread(kafka::close, "stop-kafka"));
                    return kafka.bootstrapServers();
                });
        LocalDatabase database = LocalDatabase.start(0);
        Runtime.getRuntime().addShutdownHook(new Thread(database::close, "stop-postgres"));
        return Map.of(
                "mp.jwt.verify.publickey.location", jwtKeys().publicKeyFile().toUri().toString(),
                "mp.jwt.verify.issuer", LocalJwtKeys.ISSUER,
                "kafka.bootstrap.servers", bootstrapServers,
                "quarkus.datasource.jdbc.url", database.jdbcUrl(),
                "quarkus.datasource.username", database.username(),
                "quarkus.datasource.password", database.password());
    }
}
