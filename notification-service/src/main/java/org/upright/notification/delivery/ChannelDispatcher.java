package org.upright.notification.delivery;

import java.time.Instant;
import java.util.Optional;
import org.upright.notification.policy.Channel;

/** Sends one channel's due deliveries; {@link DispatchLoops} decides when. */
public interface ChannelDispatcher {

    Channel channel();

    /** Sends everything due now; answers when the next pending delivery or retry falls due, if any. */
    Optional<Instant> dispatchDue();

    /**
     * Takes a failed delivery out of the dead letters: it is sent again from its first attempt, as
     * the same message. Runs in the caller's transaction.
     */
    void redeliver(Delivery failed, Instant now);
}
