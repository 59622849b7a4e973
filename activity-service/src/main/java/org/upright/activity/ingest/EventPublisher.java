package org.upright.activity.ingest;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.ZonedDateTime;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.upright.events.ActivityEvent;
import org.upright.events.CloudEventTypes;
import org.upright.events.EventJson;
import org.upright.events.Topics;

/**
 * Publishes an event to {@link Topics#ACTIVITY_EVENTS}, keyed by user, with CloudEvents binary
 * headers. The returned Uni completes only when the broker has acknowledged the record
 * ({@code acks=all}), and fails when it has refused it.
 */
@ApplicationScoped
public class EventPublisher {

    /**
     * Requests hold at most 1000 events each, so what waits here is bounded by the request limits;
     * a bounded buffer would refuse events whenever a few full batches arrive together.
     */
    @Inject
    @Channel(Topics.ACTIVITY_EVENTS)
    @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
    MutinyEmitter<String> activityEvents;

    /** Completes when the broker has acknowledged every event; fails if it refused any. */
    public Uni<Void> publishAll(List<ActivityEvent> events) {
        return Uni.join().all(events.stream().map(this::publish).toList()).andCollectFailures().replaceWithVoid();
    }

    public Uni<Void> publish(ActivityEvent event) {
        OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(event.userId())
                .build();
        OutgoingCloudEventMetadata<String> cloudEvent = OutgoingCloudEventMetadata.<String>builder()
                .withId(event.eventId().toString())
                .withType(CloudEventTypes.ACTIVITY_RECORDED)
                .withSource(URI.create(event.source()))
                .withSubject(event.userId())
                .withTimestamp(ZonedDateTime.now())
                .build();
        Message<String> message = Message.of(EventJson.write(event)).addMetadata(kafka).addMetadata(cloudEvent);
        return activityEvents.sendMessage(message);
    }
}
