package org.upright.notification.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Runs one channel's sending on its own thread whenever it is woken: right after a commit that made
 * a delivery due, when the next retry or held-back delivery falls due, and on the sweep that
 * catches what another instance or a crash left behind. A wake while it runs makes it run once
 * more, so nothing committed before a wake waits for the sweep. The {@code StreamFeed} runs on one
 * too, woken by its own timer.
 */
public final class DispatchLoop implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(DispatchLoop.class);
    /** A due time that has already passed means another instance holds those rows: look again soon, not at once. */
    private static final Duration SHORTEST_WAIT = Duration.ofMillis(100);

    private final String name;
    private final Supplier<Optional<Instant>> dispatch;
    private final ScheduledExecutorService thread;
    private final AtomicInteger wakes = new AtomicInteger();
    private ScheduledFuture<?> timer;
    private Instant timerAt;

    /**
     * @param dispatch sends what is due and answers when the next pending delivery falls due, if any
     */
    public DispatchLoop(String name, Supplier<Optional<Instant>> dispatch) {
        this.name = name;
        this.dispatch = dispatch;
        this.thread = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread worker = new Thread(task, name);
            worker.setDaemon(true);
            return worker;
        });
    }

    /** Does nothing once closed. */
    public void wake() {
        if (wakes.getAndIncrement() == 0 && !thread.isShutdown()) {
            thread.execute(this::run);
        }
    }

    private void run() {
        int seen;
        do {
            seen = wakes.get();
            try {
                dispatch.get().ifPresent(this::wakeAt);
            } catch (RuntimeException e) {
                LOG.warnf("%s failed, the next wake or sweep retries: %s", name, e.getMessage());
            }
        } while (!thread.isShutdown() && !wakes.compareAndSet(seen, 0));
    }

    private synchronized void wakeAt(Instant due) {
        if (thread.isShutdown() || timer != null && !timer.isDone() && !timerAt.isAfter(due)) {
            return;
        }
        if (timer != null) {
            timer.cancel(false);
        }
        long delay = Math.max(SHORTEST_WAIT.toMillis(), Duration.between(Instant.now(), due).toMillis());
        timerAt = due;
        timer = thread.schedule(this::wake, delay, TimeUnit.MILLISECONDS);
    }

    /** Lets a run under way finish (for a few seconds at most) and starts no other. */
    @Override
    public void close() {
        synchronized (this) {
            thread.shutdown();
            if (timer != null) {
                timer.cancel(false);
            }
        }
        try {
            if (!thread.awaitTermination(5, TimeUnit.SECONDS)) {
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            thread.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
