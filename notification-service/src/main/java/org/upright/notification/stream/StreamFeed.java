package org.upright.notification.stream;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.upright.notification.delivery.DispatchLoop;

/**
 * Wakes this instance's open streams when their person may have something new, with one query for
 * all of them: every poll interval for what other instances made available, and right after this
 * instance did. A woken stream reads its person's new deliveries itself; without news, streams cost
 * the database nothing.
 */
@Startup
@ApplicationScoped
public class StreamFeed {

    private static final Logger LOG = Logger.getLogger(StreamFeed.class);
    private static final int PAGE = 1000;

    @ConfigProperty(name = "upright.stream.poll-interval", defaultValue = "500ms")
    Duration pollInterval;

    private final Map<String, Set<Runnable>> listeners = new ConcurrentHashMap<>();
    /** The last stream position looked at, touched only by the loop; none before the first look. */
    private Long lookedAt;
    private DispatchLoop loop;

    @PostConstruct
    void start() {
        loop = new DispatchLoop("stream-feed", () -> {
            try {
                lookForNews();
            } catch (RuntimeException e) {
                LOG.warnf("the stream feed could not look for news and looks again in %s: %s", pollInterval, e.getMessage());
            }
            return Optional.of(Instant.now().plus(pollInterval));
        });
        loop.wake();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        loop.close();
    }

    /**
     * Calls {@code wake} whenever the person may have something new on the stream.
     *
     * @return stops the calls
     */
    public Runnable listen(String userId, Runnable wake) {
        listeners.computeIfAbsent(userId, id -> ConcurrentHashMap.newKeySet()).add(wake);
        return () -> listeners.computeIfPresent(userId, (id, wakes) -> {
            wakes.remove(wake);
            return wakes.isEmpty() ? null : wakes;
        });
    }

    /** Looks at once: this instance has just made deliveries available. */
    void lookNow() {
        loop.wake();
    }

    private void lookForNews() {
        if (lookedAt == null) {
            // Streams opened before the first look may have missed something: each looks once.
            lookedAt = latestPosition();
            listeners.values().forEach(wakes -> wakes.forEach(Runnable::run));
            return;
        }
        Set<String> woken = new HashSet<>();
        List<Object[]> rows;
        do {
            rows = positionsAfter(lookedAt);
            for (Object[] row : rows) {
                lookedAt = ((Number) row[0]).longValue();
                String userId = (String) row[1];
                if (listeners.containsKey(userId)) {
                    woken.add(userId);
                }
            }
        } while (rows.size() == PAGE);
        woken.forEach(userId -> listeners.getOrDefault(userId, Set.of()).forEach(Runnable::run));
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> positionsAfter(long position) {
        return QuarkusTransaction.requiringNew().call(() -> Panache.getEntityManager().createNativeQuery(
                        "select stream_position, user_id from {h-schema}delivery where stream_position > ?1"
                                + " order by stream_position limit " + PAGE)
                .setParameter(1, position).getResultList());
    }

    private static long latestPosition() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) Panache.getEntityManager().createNativeQuery(
                "select coalesce(max(stream_position), 0) from {h-schema}delivery where stream_position is not null")
                .getSingleResult()).longValue());
    }
}
