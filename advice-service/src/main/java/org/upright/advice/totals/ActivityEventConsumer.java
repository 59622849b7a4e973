package org.upright.advice.totals;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.DateTimeException;
import java.time.ZoneId;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.upright.advice.deadletters.DeadLetters;
import org.upright.events.ActivityEvent;
import org.upright.events.BatchConsumption;
import org.upright.events.EventJson;
import org.upright.events.MalformedRecordException;
import org.upright.events.Topics;

/**
 * Applies {@link Topics#ACTIVITY_EVENTS} in batches, as the broker hands them over; see
 * {@link BatchConsumption} for what happens to a record that cannot be read and to a batch that
 * fails.
 */
@ApplicationScoped
public class ActivityEventConsumer {

    static final String DEAD_LETTERS = "activity-events-dead-letters";

    @Inject
    BatchApplier applier;

    @Inject
    @Channel(DEAD_LETTERS)
    MutinyEmitter<String> deadLetters;

    @Incoming(Topics.ACTIVITY_EVENTS)
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) throws InterruptedException {
        BatchConsumption.consume(records, ActivityEventConsumer::read, (record, reason) -> DeadLetters.send(deadLetters, record, reason),
                applier::apply);
    }

    /**
     * Reads one record from its bytes (a String first would cost a decoding pass per record); anything
     * that could never be applied is malformed, so that it is not retried forever.
     */
    static ActivityEvent read(byte[] json) {
        if (json == null) {
            throw new MalformedRecordException("the record has no value");
        }
        ActivityEvent event = EventJson.read(json, ActivityEvent.class);
        if (event.eventId() == null || event.userId() == null || event.type() == null || event.start() == null) {
            throw new MalformedRecordException("an activity event needs eventId, userId, type and start");
        }
        if (event.end() != null && event.end().isBefore(event.start())) {
            throw new MalformedRecordException("event " + event.eventId() + " ends before it starts");
        }
        if (event.timeZone() != null) {
            try {
                ZoneId.of(event.timeZone());
            } catch (DateTimeException e) {
                throw new MalformedRecordException("event " + event.eventId() + " has an unknown time zone: " + event.timeZone());
            }
        }
        return event;
    }
}
