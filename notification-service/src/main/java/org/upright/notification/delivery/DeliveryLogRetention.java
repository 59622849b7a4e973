package org.upright.notification.delivery;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The delivery log keeps a settled delivery (anything but pending: sent, skipped, suppressed or
 * failed) and its webhook attempts for {@code upright.delivery.keep-log} after its last change, then
 * forgets it. A pending one, still waiting or to be retried, is never touched, and the inbox keeps the
 * advice itself.
 */
@ApplicationScoped
public class DeliveryLogRetention {

    private static final int FORGET_AT_ONCE = 5_000;

    @ConfigProperty(name = "upright.delivery.keep-log", defaultValue = "90d")
    Duration keepLog;

    @Scheduled(every = "${upright.delivery.forget-log-every:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void forgetOld() {
        forgetSettledBefore(Instant.now().minus(keepLog));
    }

    /** Deletes the deliveries settled before {@code before}, a chunk per transaction; returns how many. */
    public long forgetSettledBefore(Instant before) {
        long forgotten = 0;
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew().call(() -> Panache.getEntityManager().createNativeQuery(
                            "delete from {h-schema}delivery where id in (select id from {h-schema}delivery"
                                    + " where status <> 'pending' and updated_at < ?1 limit " + FORGET_AT_ONCE + ")")
                    .setParameter(1, Timestamp.from(before)).executeUpdate());
            forgotten += deleted;
        } while (deleted == FORGET_AT_ONCE);
        return forgotten;
    }
}
