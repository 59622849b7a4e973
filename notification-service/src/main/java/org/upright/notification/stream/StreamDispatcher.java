package org.upright.notification.stream;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Timestamp;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Makes due live-stream deliveries available on the stream: those to push now at once, those held
 * back by quiet hours when the hours end. Rows are taken with SKIP LOCKED, so instances can run side
 * by side; a connected client picks them up by their sequence number.
 */
@ApplicationScoped
public class StreamDispatcher {

    private static final Logger LOG = Logger.getLogger(StreamDispatcher.class);

    @Scheduled(every = "${upright.stream.dispatch-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        try {
            dispatchDue(Instant.now());
        } catch (RuntimeException e) {
            LOG.warnf("dispatching the live stream failed, the next run retries: %s", e.getMessage());
        }
    }

    /** @return how many deliveries became available */
    public int dispatchDue(Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> Panache.getEntityManager().createNativeQuery(
                        "update {h-schema}delivery set status = 'delivered', delivered_at = ?1, updated_at = ?1, attempts = attempts + 1"
                                + " where id in (select id from {h-schema}delivery where channel = 'stream' and status = 'pending'"
                                + " and due_at <= ?1 order by due_at limit 500 for update skip locked)")
                .setParameter(1, Timestamp.from(now))
                .executeUpdate());
    }
}
