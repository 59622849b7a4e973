package org.upright.notification.delivery;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.upright.notification.policy.Channel;

/** Sends one channel's due deliveries; {@link DispatchLoops} decides when. */
public interface ChannelDispatcher {

    Channel channel();

    /**
     * Deliveries on this channel decided push-now, just written as pending in the transaction that
     * decided them. A channel may take them up in that transaction and send them once it commits,
     * which spares them a look through what is due, and a transaction or two (the webhook channel).
     *
     * @return whether the channel took them up; if not, as by default, {@link #dispatchDue()} runs
     * right after the commit
     */
    default boolean pushedNow(Connection connection, List<UUID> deliveries, Instant now) throws SQLException {
        return false;
    }

    /** Sends everything due now; answers when the next pending delivery or retry falls due, if any. */
    Optional<Instant> dispatchDue();

    /**
     * Takes a failed delivery out of the dead letters: it is sent again from its first attempt, as
     * the same message. Runs in the caller's transaction.
     */
    void redeliver(Delivery failed, Instant now);
}
