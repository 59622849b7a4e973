package org.upright.notification.stream;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.upright.notification.delivery.ChannelDispatcher;
import org.upright.notification.delivery.Delivery;
import org.upright.notification.policy.Channel;

/**
 * Makes due live-stream deliveries available on the stream: those to push now right after the
 * commit that planned them, those held back by quiet hours when the hours end. Rows are taken with
 * SKIP LOCKED, so instances can run side by side; a connected client picks them up by their
 * sequence number.
 */
@ApplicationScoped
public class StreamDispatcher implements ChannelDispatcher {

    @Override
    public Channel channel() {
        return Channel.STREAM;
    }

    @Override
    public Optional<Instant> dispatchDue() {
        makeAvailable(Instant.now());
        return QuarkusTransaction.requiringNew().call(() -> Delivery.nextDue(Channel.STREAM.wireName()));
    }

    /** A stream delivery cannot fail: it is in the database, and clients read it from there. */
    @Override
    public void redeliver(Delivery failed, Instant now) {
        throw new IllegalStateException("stream deliveries do not fail");
    }

    /** @return how many deliveries became available */
    private int makeAvailable(Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> Panache.getEntityManager().createNativeQuery(
                        "update {h-schema}delivery set status = 'delivered', delivered_at = ?1, updated_at = ?1, attempts = attempts + 1"
                                + " where id in (select id from {h-schema}delivery where channel = 'stream' and status = 'pending'"
                                + " and decision = 'push' and due_at <= ?1 order by due_at limit 500 for update skip locked)")
                .setParameter(1, Timestamp.from(now))
                .executeUpdate());
    }
}
