package org.upright.advice.totals;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.upright.events.ActivityEvent;
import org.upright.events.EventJson;
import org.upright.events.MalformedRecordException;
import org.upright.events.Topics;

/**
 * Applies each record of {@link Topics#ACTIVITY_EVENTS}. A failure that may pass (the database
 * away for a moment) is retried; a record that cannot be applied goes to the dead-letter topic
 * with its error, and consumption goes on.
 */
@ApplicationScoped
public class ActivityEventConsumer {

    @Inject
    EventApplier applier;

    @Incoming(Topics.ACTIVITY_EVENTS)
    @Blocking
    @Retry(maxRetries = 5, delay = 200, jitter = 100, abortOn = MalformedRecordException.class)
    public void consume(String json) {
        applier.apply(read(json));
    }

    static ActivityEvent read(String json) {
        ActivityEvent event = EventJson.read(json, ActivityEvent.class);
        if (event.eventId() == null || event.userId() == null || event.type() == null || event.start() == null) {
            throw new MalformedRecordException("an activity event needs eventId, userId, type and start");
        }
        if (event.end() != null && event.end().isBefore(event.start())) {
            throw new MalformedRecordException("event " + event.eventId() + " ends before it starts");
        }
        return event;
    }
}
