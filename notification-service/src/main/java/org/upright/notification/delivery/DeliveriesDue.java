package org.upright.notification.delivery;

import java.util.Set;
import org.upright.notification.policy.Channel;

/**
 * Fired in the transaction that planned deliveries due at once; the channels' senders observe it
 * after the commit and send without waiting for their sweep.
 */
public record DeliveriesDue(Set<Channel> channels) {
}
