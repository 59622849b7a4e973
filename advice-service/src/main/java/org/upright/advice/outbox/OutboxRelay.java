package org.upright.advice.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Decides when the outbox is published: right after a transaction that wrote to it commits, and on
 * a periodic sweep that catches whatever a crash or a broker outage left behind. One thread
 * publishes, so one instance relays in the order advice was written.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    @Inject
    OutboxPublisher publisher;

    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> new Thread(task, "outbox-relay"));
    private final AtomicBoolean queued = new AtomicBoolean();

    /** The relay's lag, for /q/metrics: advice stored but not published yet. */
    void measureLag(@Observes StartupEvent startup, MeterRegistry meters) {
        Gauge.builder("upright.outbox.pending", publisher::pending)
                .description("advice issued and not yet published")
                .register(meters);
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxWritten written) {
        requestRelay();
    }

    @Scheduled(every = "${upright.outbox.sweep-interval:1s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void sweep() {
        requestRelay();
    }

    /** Several requests while one run is queued make one run; none once shutdown has begun. */
    void requestRelay() {
        if (!worker.isShutdown() && queued.compareAndSet(false, true)) {
            worker.execute(() -> {
                queued.set(false);
                relayUntilEmpty();
            });
        }
    }

    private void relayUntilEmpty() {
        try {
            while (publisher.publishBatch() == publisher.batchSize() && !worker.isShutdown()) {
                // a full batch: there may be more
            }
        } catch (RuntimeException e) {
            LOG.warnf("publishing the outbox failed, the next sweep retries: %s", e.getMessage());
        }
    }

    /** At the start of shutdown, while the database is still there for a run that is under way. */
    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        worker.shutdown();
        worker.awaitTermination(5, TimeUnit.SECONDS);
    }
}
