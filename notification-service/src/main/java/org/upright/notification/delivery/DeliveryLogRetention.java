package org.upright.notification.delivery;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.upright.retention.ChunkedDelete;

/**
 * The delivery log keeps a settled delivery (sent, skipped, suppressed or failed) and its webhook
 * attempts for {@code upright.delivery.keep-log} after its last change, then forgets it. One pending
 * or sending, still waiting, on its way or to be retried, is never touched, and the inbox keeps the
 * advice itself.
 */
@ApplicationScoped
public class DeliveryLogRetention {

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "quarkus.hibernate-orm.database.default-schema")
    String schema;

    @ConfigProperty(name = "upright.delivery.keep-log", defaultValue = "90d")
    Duration keepLog;

    @Scheduled(every = "${upright.delivery.forget-log-every:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void forgetOld() {
        forgetSettledBefore(Instant.now().minus(keepLog));
    }

    /** Deletes the deliveries settled before {@code before}, a chunk per statement; returns how many. */
    public long forgetSettledBefore(Instant before) {
        try {
            return ChunkedDelete.delete(dataSource, schema + ".delivery", "status <> 'pending' and status <> 'sending' and updated_at < ?", before);
        } catch (SQLException e) {
            throw new IllegalStateException("could not forget settled deliveries", e);
        }
    }
}
