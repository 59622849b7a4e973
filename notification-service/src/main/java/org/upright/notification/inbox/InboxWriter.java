package org.upright.notification.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import org.upright.events.AdviceIssued;
import org.upright.notification.delivery.DeliveryPlanner;

/**
 * Stores a batch of advice in the inbox, and the policy's decision for each channel in the delivery
 * log, in one transaction, except what is there already: a redelivered record creates nothing.
 */
@ApplicationScoped
public class InboxWriter {

    @Inject
    DeliveryPlanner planner;

    /** @return how many of them were new */
    @Transactional
    public int deliverAll(List<AdviceIssued> advice) {
        Instant now = Instant.now();
        int added = 0;
        for (AdviceIssued one : advice) {
            // also finds one stored earlier in this batch: a record twice in one batch is stored once
            if (Notification.findById(one.adviceId()) == null) {
                Notification.from(one, now).persist();
                planner.plan(one, now);
                added++;
            }
        }
        return added;
    }
}
