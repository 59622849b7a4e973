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
     * Whether this channel takes up its deliveries decided push-now in the transaction that decided
     * them ({@link #pushedNow}) and sends them once it commits, which spares them a look through what
     * is due, and a transaction or two (the webhook channel). The planner writes them
     * {@link Delivery#SENDING} for such a channel. For the others, as by default, they are written
     * pending and {@link #dispatchDue()} runs right after the commit.
     */
    default boolean takesUpPushedNow() {
        return false;
    }

    /**
     * Deliveries on this channel decided push-now, just written {@link Delivery#SENDING} in the
     * transaction that decided them; called only if {@link #takesUpPushedNow()}.
     */
    default void pushedNow(Connection connection, List<UUID> deliveries, Instant now) throws SQLException {
        throw new UnsupportedOperationException(channel() + " does not take up its pushes in the deciding transaction");
    }

    /** Sends everything due now; answers when the next pending delivery or retry falls due, if any. */
    Optional<Instant> dispatchDue();

    /**
     * Takes a failed delivery out of the dead letters: it is sent again from its first attempt, as
     * the same message. Runs in the caller's transaction.
     */
    void redeliver(Delivery failed, Instant now);
}
