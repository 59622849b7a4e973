package org.upright.notification.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.EnumSet;
import java.util.UUID;
import org.upright.notification.policy.Channel;

/** Sends a dead letter (a delivery that ran out of attempts) again, when its person asks. */
@ApplicationScoped
public class Redelivery {

    @Inject
    Instance<ChannelDispatcher> dispatchers;

    @Inject
    Event<DeliveriesDue> due;

    @Transactional
    public Delivery redeliver(String userId, UUID adviceId, Channel channel) {
        Delivery delivery = Delivery.of(userId, adviceId, channel.wireName())
                .orElseThrow(() -> new NotFoundException("There is no " + channel.wireName() + " delivery of advice " + adviceId + "."));
        if (!Delivery.FAILED.equals(delivery.status)) {
            throw new ClientErrorException("Only a failed delivery can be redelivered; this one is " + delivery.status + ".",
                    Response.Status.CONFLICT);
        }
        Instant now = Instant.now();
        dispatchers.stream().filter(dispatcher -> dispatcher.channel() == channel).findFirst().orElseThrow()
                .redeliver(delivery, now);
        due.fire(new DeliveriesDue(EnumSet.of(channel)));
        return delivery;
    }
}
