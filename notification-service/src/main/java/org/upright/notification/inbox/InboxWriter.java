package org.upright.notification.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.upright.events.AdviceIssued;
import org.upright.notification.delivery.DeliveryPlanner;

/**
 * Stores an advice in the inbox, and the policy's decision for each channel in the delivery log,
 * in one transaction, unless it is there already: a redelivered record creates nothing.
 */
@ApplicationScoped
public class InboxWriter {

    @Inject
    DeliveryPlanner planner;

    /** @return whether the advice was new */
    @Transactional
    public boolean deliver(AdviceIssued advice) {
        if (Notification.findById(advice.adviceId()) != null) {
            return false;
        }
        Instant now = Instant.now();
        Notification.from(advice, now).persist();
        planner.plan(advice, now);
        return true;
    }
}
