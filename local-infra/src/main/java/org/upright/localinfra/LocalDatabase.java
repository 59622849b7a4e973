package org.upright.localinfra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

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

    private LocalDatabase(String jdbcUrl, String username, String password, EmbeddedPostgres embedded) {
        this.jdbcUrl = jdbcUrl;
        this.username = username;
        this.password = password;
        this.embedded = embedded;
    }

    /** @param port where an embedded server listens; 0 for any free port */
    public static LocalDatabase start(int port) {
        Optional<String> external = Optional.ofNullable(System.getenv(JDBC_URL_ENV)).filter(url -> !url.isBlank());
        if (external.isPresent()) {
            return new LocalDatabase(external.get(),
                    Optional.ofNullable(System.getenv(USERNAME_ENV)).orElse("postgres"),
                    Optional.ofNullable(System.getenv(PASSWORD_ENV)).orElse(""),
                    null);
        }
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            if (port != 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres postgres = builder.start();
            return new LocalDatabase(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres", postgres);
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

    public boolean isEmbedded() {
        return embedded != null;
    }

    @Override
    public void close() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                throw new UncheckedIOException("could not stop embedded PostgreSQL", e);
            }
        }
    }
}
