package org.upright.advice.outbox;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.upright.events.Topics;

/**
 * Publishes the oldest unpublished records and marks them published once the broker has
 * acknowledged them. A crash between the two publishes a record again with the same id, which
 * consumers dedupe; a record is never lost. Rows are locked with SKIP LOCKED, so instances can
 * publish side by side.
 */
@ApplicationScoped
public class OutboxPublisher {

    private static final URI SOURCE = URI.create("/advice-service");

    @Inject
    @Channel(Topics.ADVICE_ISSUED)
    MutinyEmitter<String> adviceIssued;

    @Inject
    EntityManager entityManager;

    @Inject
    Clock clock;

    @ConfigProperty(name = "upright.outbox.batch-size", defaultValue = "100")
    int batchSize;

    @ConfigProperty(name = "upright.outbox.ack-timeout", defaultValue = "10s")
    Duration ackTimeout;

    /** The records not published yet: the relay's lag. */
    public long pending() {
        return ((Number) entityManager.createNativeQuery("select count(*) from {h-schema}outbox_message where published_at is null")
                .getSingleResult()).longValue();
    }

    /** @return how many records were published */
    @Transactional
    public int publishBatch() {
        @SuppressWarnings("unchecked")
        List<OutboxMessage> pending = entityManager.createNativeQuery(
                        "select * from {h-schema}outbox_message where published_at is null order by created_at"
                                + " limit :limit for update skip locked", OutboxMessage.class)
                .setParameter("limit", batchSize)
                .getResultList();
        if (pending.isEmpty()) {
            return 0;
        }
        Uni.join().all(pending.stream().map(this::send).toList()).andFailFast().await().atMost(ackTimeout);
        entityManager.createNativeQuery("update {h-schema}outbox_message set published_at = :now where id = any(:ids)")
                .setParameter("now", clock.instant())
                .setParameter("ids", pending.stream().map(message -> message.id).toArray(UUID[]::new))
                .executeUpdate();
        pending.forEach(entityManager::detach);
        return pending.size();
    }

    public int batchSize() {
        return batchSize;
    }

    private Uni<Void> send(OutboxMessage message) {
        OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(message.topic)
                .withKey(message.messageKey)
                .build();
        OutgoingCloudEventMetadata<String> cloudEvent = OutgoingCloudEventMetadata.<String>builder()
                .withId(message.id.toString())
                .withType(message.ceType)
                .withSource(SOURCE)
                .withSubject(message.messageKey)
                .withTimestamp(message.createdAt.atZone(ZoneOffset.UTC))
                .build();
        return adviceIssued.sendMessage(Message.of(message.payload).addMetadata(kafka).addMetadata(cloudEvent));
    }
}
