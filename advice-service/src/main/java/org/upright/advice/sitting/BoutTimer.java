package org.upright.advice.sitting;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.upright.advice.rules.AdviceIssuer;
import org.upright.advice.rules.RulesConfig;
import org.upright.advice.rules.SittingBreakRule;

/**
 * Nudges open sitting bouts the moment they reach the break threshold, without waiting for them to
 * close. The wait lives in the database, so a restart loses no timer; each check takes the due
 * bouts with SKIP LOCKED, so several instances never nudge one bout twice.
 */
@ApplicationScoped
public class BoutTimer {

    private static final Logger LOG = Logger.getLogger(BoutTimer.class);

    @Inject
    SittingBouts bouts;

    @Inject
    SittingBreakRule rule;

    @Inject
    AdviceIssuer issuer;

    @Inject
    RulesConfig rules;

    @Inject
    Clock clock;

    private ScheduledExecutorService ticker;

    void start(@Observes StartupEvent startup) {
        long every = rules.sitting().checkInterval().toMillis();
        ticker = Executors.newSingleThreadScheduledExecutor(task -> new Thread(task, "sitting-bout-timer"));
        ticker.scheduleWithFixedDelay(this::nudgeDue, every, every, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        ticker.shutdownNow();
    }

    /** Nudges every bout due now; returns how many were nudged. */
    public int nudgeDue() {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                Instant now = clock.instant();
                List<SittingBouts.Bout> due = bouts.takeDue(now, 100);
                issuer.issueAll(due.stream()
                        .map(bout -> new AdviceIssuer.Issue(bout.userId(), rule.stillSitting(bout.boutId(), bout.start(), now)))
                        .toList());
                return due.size();
            });
        } catch (RuntimeException e) {
            LOG.warnf("checking open sitting bouts failed, the next check retries: %s", e.getMessage());
            return 0;
        }
    }
}
