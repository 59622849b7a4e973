package org.upright.notification.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.upright.events.AdviceIssued;

/** Stores an advice in the inbox unless it is there already: a redelivered record creates nothing. */
@ApplicationScoped
public class InboxWriter {

    /** @return whether the advice was new */
    @Transactional
    public boolean deliver(AdviceIssued advice) {
        if (Notification.findById(advice.adviceId()) != null) {
            return false;
        }
        Notification.from(advice, Instant.now()).persist();
        return true;
    }
}
