package org.upright.advice.totals;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import org.upright.events.ActivityEvent;
import org.upright.events.EventJson;
import org.upright.events.MalformedRecordException;
import org.upright.events.Topics;

/**
 * Applies {@link Topics#ACTIVITY_EVENTS} in batches, as the broker hands them over. A record that
 * cannot be read goes to the dead-letter topic with its error and the rest go on; a batch that
 * fails (the database away for a while) is retried, with growing pauses, until it is applied, so
 * nothing is skipped.
 */
@ApplicationScoped
public class ActivityEventConsumer {

    private static final Logger LOG = Logger.getLogger(ActivityEventConsumer.class);
    static final String DEAD_LETTERS = "activity-events-dead-letters";
    private static final Duration FIRST_PAUSE = Duration.ofMillis(200);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(10);

    @Inject
    BatchApplier applier;

    @Inject
    @Channel(DEAD_LETTERS)
    MutinyEmitter<String> deadLetters;

    @Incoming(Topics.ACTIVITY_EVENTS)
    @Blocking
    public void consume(ConsumerRecords<String, String> records) throws InterruptedException {
        List<ActivityEvent> events = new ArrayList<>(records.count());
        for (ConsumerRecord<String, String> record : records) {
            try {
                events.add(read(record.value()));
            } catch (MalformedRecordException e) {
                deadLetter(record, e);
            }
        }
        Duration pause = FIRST_PAUSE;
        while (!events.isEmpty()) {
            try {
                applier.apply(events);
                return;
            } catch (RuntimeException e) {
                LOG.warnf("applying %d events failed, retrying in %d ms: %s", events.size(), pause.toMillis(), e.toString());
                Thread.sleep(pause.toMillis());
                pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
            }
        }
    }

    private void deadLetter(ConsumerRecord<String, String> record, MalformedRecordException error) {
        LOG.warnf("dead-lettering %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), error.getMessage());
        RecordHeaders headers = new RecordHeaders();
        headers.add("dead-letter-reason", bytes(error.getMessage()));
        headers.add("dead-letter-topic", bytes(record.topic()));
        headers.add("dead-letter-partition", bytes(Integer.toString(record.partition())));
        headers.add("dead-letter-offset", bytes(Long.toString(record.offset())));
        deadLetters.sendMessageAndAwait(Message.of(record.value() == null ? "" : record.value())
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(record.key()).withHeaders(headers).build()));
    }

    /** Reads one record; anything that could never be applied is malformed, so that it is not retried forever. */
    static ActivityEvent read(String json) {
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

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
