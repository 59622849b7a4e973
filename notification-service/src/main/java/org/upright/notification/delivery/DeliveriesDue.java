package org.upright.notification.delivery;

import java.util.Set;
import org.upright.notification.policy.Channel;

/**
 * Deliveries on these channels are due, or have a new time to fall due: fired in the transaction
 * that planned them (the channels' loops wake after its commit), or outside any transaction when a
 * sender is done (they wake at once).
 */
public record DeliveriesDue(Set<Channel> channels) {
}
