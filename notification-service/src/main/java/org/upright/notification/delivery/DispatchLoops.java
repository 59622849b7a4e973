package org.upright.notification.delivery;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.upright.notification.policy.Channel;

/**
 * One dispatch loop per channel, woken at startup (for what was pending when the service stopped),
 * right after the commit that made one of its deliveries due, and by a sweep that catches what
 * another instance left behind. Each run first judges again what quiet hours held back and has now
 * fallen due, whatever its channel.
 */
@Startup
@ApplicationScoped
public class DispatchLoops {

    @Inject
    Instance<ChannelDispatcher> dispatchers;

    @Inject
    HeldBackDeliveries heldBack;

    private final Map<Channel, DispatchLoop> loops = new EnumMap<>(Channel.class);

    @PostConstruct
    void start() {
        for (ChannelDispatcher dispatcher : dispatchers) {
            loops.put(dispatcher.channel(), new DispatchLoop(dispatcher.channel().wireName() + "-dispatch", () -> {
                heldBack.judgeDue(Instant.now());
                return dispatcher.dispatchDue();
            }));
        }
        loops.values().forEach(DispatchLoop::wake);
    }

    /** At the start of shutdown, while the database is still there for a run that is under way. */
    void stop(@Observes ShutdownEvent shutdown) {
        loops.values().forEach(DispatchLoop::close);
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) DeliveriesDue due) {
        due.channels().forEach(channel -> loops.get(channel).wake());
    }

    @Scheduled(every = "${upright.delivery.sweep-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void sweep() {
        heldBack.lookAgain();
        loops.values().forEach(DispatchLoop::wake);
    }
}
