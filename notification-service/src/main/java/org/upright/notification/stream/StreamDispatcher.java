package org.upright.notification.stream;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.upright.notification.delivery.ChannelDispatcher;
import org.upright.notification.delivery.Delivery;
import org.upright.notification.policy.Channel;

/**
 * Makes due live-stream deliveries available on the stream: those to push now right after the
 * commit that planned them, those held back by quiet hours when the hours end. Each gets its place
 * in the stream then, from one sequence, under a lock that makes instances take turns: places are
 * committed in their order, so a client reading past the last place it saw misses nothing.
 */
@ApplicationScoped
public class StreamDispatcher implements ChannelDispatcher {

    /** Any constant no other advisory lock on this database uses. */
    private static final long STREAM_POSITION_LOCK = 0x5354_5245_414dL;

    @Inject
    StreamFeed feed;

    /** Hibernate fills in {@code {h-schema}} everywhere but inside the literal that names the sequence. */
    @ConfigProperty(name = "quarkus.hibernate-orm.database.default-schema")
    String schema;

    @Override
    public Channel channel() {
        return Channel.STREAM;
    }

    @Override
    public Optional<Instant> dispatchDue() {
        if (makeAvailable(Instant.now()) > 0) {
            feed.lookNow();
        }
        return QuarkusTransaction.requiringNew().call(() -> Delivery.nextDue(Channel.STREAM.wireName()));
    }

    /** A stream delivery cannot fail: it is in the database, and clients read it from there. */
    @Override
    public void redeliver(Delivery failed, Instant now) {
        throw new IllegalStateException("stream deliveries do not fail");
    }

    /** @return how many deliveries became available */
    private int makeAvailable(Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> {
            EntityManager entityManager = Panache.getEntityManager();
            entityManager.createNativeQuery("select 1 from pg_advisory_xact_lock(?1)").setParameter(1, STREAM_POSITION_LOCK)
                    .getSingleResult();
            return entityManager.createNativeQuery(
                            "update {h-schema}delivery set status = 'delivered', stream_position = available.position,"
                                    + " delivered_at = ?1, updated_at = ?1, attempts = attempts + 1"
                                    + " from (select id, nextval('" + schema + ".stream_position') as position from"
                                    + " (select id from {h-schema}delivery where channel = 'stream' and status = 'pending'"
                                    + " and decision = 'push' and due_at <= ?1 order by due_at limit 500 for update skip locked) as due) as available"
                                    + " where delivery.id = available.id")
                    .setParameter(1, Timestamp.from(now))
                    .executeUpdate();
        });
    }
}
