package org.upright.localinfra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A real PostgreSQL server: the one named by {@value #JDBC_URL_ENV} when that is set, otherwise an
 * embedded server started from the binaries in a Maven Central jar.
 */
public final class LocalDatabase implements AutoCloseable {

    public static final String JDBC_URL_ENV = "UPRIGHT_DB_JDBC_URL";
    public static final String USERNAME_ENV = "UPRIGHT_DB_USERNAME";
    public static final String PASSWORD_ENV = "UPRIGHT_DB_PASSWORD";

    private final String jdbcUrl;
    private final String username;
    private final String password;
    private final EmbeddedPostgres embedded;
    private final long postmasterPid;
    private final Process watchdog;

    private LocalDatabase(String jdbcUrl, String username, String password, EmbeddedPostgres embedded, long postmasterPid,
                          Process watchdog) {
        this.jdbcUrl = jdbcUrl;
        this.username = username;
        this.password = password;
        this.embedded = embedded;
        this.postmasterPid = postmasterPid;
        this.watchdog = watchdog;
    }

    /** @param port where an embedded server listens; 0 for any free port */
    public static LocalDatabase start(int port) {
        return start(port, false);
    }

    /**
     * The same, with {@code pg_stat_statements} loaded into an embedded server (planning timed too),
     * for the benchmarks to tell what PostgreSQL spent its time on; a server of someone else's is
     * taken as it is.
     */
    public static LocalDatabase startWithStatementStatistics(int port) {
        return start(port, true);
    }

    private static LocalDatabase start(int port, boolean statementStatistics) {
        Optional<String> external = Optional.ofNullable(System.getenv(JDBC_URL_ENV)).filter(url -> !url.isBlank());
        if (external.isPresent()) {
            return new LocalDatabase(external.get(),
                    Optional.ofNullable(System.getenv(USERNAME_ENV)).orElse("postgres"),
                    Optional.ofNullable(System.getenv(PASSWORD_ENV)).orElse(""),
                    null, 0, null);
        }
        try {
            Path dataDir = Files.createTempDirectory("upright-postgres-");
            // No shutdown hook of its own: on SIGTERM it would stop the server while the services that
            // use it are still shutting down. close() stops it after them; the watchdog, if this JVM dies.
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(true)
                    .setRegisterShutdownHook(false);
            if (port != 0) {
                builder.setPort(port);
            }
            if (statementStatistics) {
                builder.setServerConfig("shared_preload_libraries", "pg_stat_statements")
                        .setServerConfig("pg_stat_statements.track_planning", "on");
            }
            EmbeddedPostgres postgres = builder.start();
            long pid = postmasterPid(dataDir);
            Process watchdog = watch(pid, dataDir);
            return new LocalDatabase(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres", postgres, pid, watchdog);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL", e);
        }
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    /** A new connection to it, for the caller to close. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, username, password);
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    /** The embedded server's own process, the parent of its backends; empty for a server of someone else's. */
    public OptionalLong pid() {
        return embedded == null ? OptionalLong.empty() : OptionalLong.of(postmasterPid);
    }

    @Override
    public void close() {
        if (embedded != null) {
            try {
                embedded.close();
                watchdog.getOutputStream().close();
            } catch (IOException e) {
                throw new UncheckedIOException("could not stop embedded PostgreSQL", e);
            }
        }
    }

    /** The server itself, not the pg_ctl that started it: the first line of postmaster.pid. */
    private static long postmasterPid(Path dataDir) throws IOException {
        return Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
    }

    /**
     * PostgreSQL outlives a JVM killed with SIGKILL. This small shell stops it and deletes its data
     * when its standard input, held by this JVM, closes: on close, or when this JVM dies anyhow.
     */
    private static Process watch(long postmasterPid, Path dataDir) throws IOException {
        String script = "cat >/dev/null; kill -INT \"$1\" 2>/dev/null;"
                + " for i in $(seq 100); do kill -0 \"$1\" 2>/dev/null || break; sleep 0.1; done; rm -rf \"$2\"";
        return new ProcessBuilder("bash", "-c", script, "postgres-watchdog", String.valueOf(postmasterPid), dataDir.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }
}
