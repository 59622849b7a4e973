package org.upright.activity.devices;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.upright.activity.BackgroundThreads;

/**
 * The active devices by token, so that a device's post needs no query once its token is known.
 *
 * <p>A revoked token is still refused from the next request on, on every instance: the revoking
 * transaction sends the token's hash on PostgreSQL's {@value #CHANNEL} channel, which each instance
 * listens to, and each forgets the token when the revocation commits. An instance that is not
 * listening (while it starts, or after its listening connection broke) caches nothing and forgets
 * all it had; so a revocation it might have missed cannot be answered from memory. Only if that
 * connection hangs without breaking could a revoked token pass, until the cache's
 * {@link #KEPT_FOR} runs out.
 */
@ApplicationScoped
public class ActiveDevices {

    static final String CHANNEL = "device_revoked";
    static final Duration KEPT_FOR = Duration.ofMinutes(10);
    private static final Duration LISTEN_ROUND = Duration.ofSeconds(1);
    private static final Duration LISTEN_RETRY = Duration.ofSeconds(1);
    private static final HexFormat HEX = HexFormat.of();
    private static final Logger LOG = Logger.getLogger(ActiveDevices.class);

    private final Cache<String, DeviceTokens.ActiveDevice> byTokenHash = Caffeine.newBuilder()
            .expireAfterWrite(KEPT_FOR)
            .maximumSize(100_000)
            .build();
    /** Counts what was forgotten, so that a lookup that raced a revocation does not stay cached. */
    private final AtomicLong forgets = new AtomicLong();
    private volatile boolean listening;
    private volatile boolean stopping;
    private Thread listener;

    @Inject
    DeviceTokens tokens;

    @Inject
    DataSource dataSource;

    @Inject
    TransactionSynchronizationRegistry transactions;

    /** The device, if its token is known to be active without a query. */
    public Optional<DeviceTokens.ActiveDevice> known(String token) {
        return Optional.ofNullable(byTokenHash.getIfPresent(HEX.formatHex(DeviceTokens.hash(token))));
    }

    /** The device a token belongs to, unless it was revoked: from memory, else from the database. */
    public Optional<DeviceTokens.ActiveDevice> find(String token) {
        byte[] hash = DeviceTokens.hash(token);
        String key = HEX.formatHex(hash);
        DeviceTokens.ActiveDevice known = byTokenHash.getIfPresent(key);
        if (known != null) {
            return Optional.of(known);
        }
        long forgetsBefore = forgets.get();
        Optional<DeviceTokens.ActiveDevice> found = tokens.activeDevice(hash);
        if (found.isPresent() && listening && forgets.get() == forgetsBefore) {
            byTokenHash.put(key, found.get());
            // Something forgotten since the lookup may have been this very token: forget it too.
            if (forgets.get() != forgetsBefore) {
                byTokenHash.invalidate(key);
            }
        }
        return found;
    }

    /**
     * Announces, within the caller's transaction, that the token is revoked: when the transaction
     * commits, every instance forgets it, this one before the caller answers.
     */
    public void revokedInThisTransaction(byte[] tokenHash) {
        String key = HEX.formatHex(tokenHash);
        try (Connection connection = dataSource.getConnection(); Statement notify = connection.createStatement()) {
            notify.execute("notify " + CHANNEL + ", '" + key + "'");
        } catch (SQLException e) {
            throw new IllegalStateException("could not announce a revoked device", e);
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    forget(key);
                }
            }
        });
    }

    private void forget(String key) {
        forgets.incrementAndGet();
        byTokenHash.invalidate(key);
    }

    private void forgetAll() {
        forgets.incrementAndGet();
        byTokenHash.invalidateAll();
    }

    void startListening(@Observes StartupEvent started) {
        listener = BackgroundThreads.start("device-revocation-listener", this::listenUntilStopped);
    }

    void stopListening(@Observes ShutdownEvent event) throws InterruptedException {
        stopping = true;
        if (listener != null) {
            listener.join(LISTEN_ROUND.toMillis() * 2);
        }
    }

    private void listenUntilStopped() {
        while (!stopping) {
            try (Connection connection = dataSource.getConnection()) {
                try {
                    listen(connection);
                } finally {
                    listening = false;
                    unlisten(connection);
                }
            } catch (SQLException | RuntimeException e) {
                if (!stopping) {
                    LOG.warnf("not listening for revoked devices, so not caching them, retrying in %s: %s", LISTEN_RETRY, e.getMessage());
                }
            } finally {
                forgetAll();
            }
            if (!stopping && !BackgroundThreads.pause(LISTEN_RETRY)) {
                return;
            }
        }
    }

    private void listen(Connection connection) throws SQLException {
        try (Statement listen = connection.createStatement()) {
            listen.execute("listen " + CHANNEL);
        }
        // Whatever was cached while no one listened may have been revoked since.
        forgetAll();
        listening = true;
        PGConnection notifications = connection.unwrap(PGConnection.class);
        while (!stopping) {
            PGNotification[] received = notifications.getNotifications((int) LISTEN_ROUND.toMillis());
            if (received != null) {
                for (PGNotification notification : received) {
                    forget(notification.getParameter());
                }
            }
        }
    }

    /** The connection goes back to the pool: it must not keep collecting notifications there. */
    private static void unlisten(Connection connection) {
        try (Statement unlisten = connection.createStatement()) {
            unlisten.execute("unlisten " + CHANNEL);
        } catch (SQLException e) {
            // a broken connection listens to nothing any more
        }
    }
}
