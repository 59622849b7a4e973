package org.upright.advice.outbox;

import static org.upright.events.CloudEventHeaders.utf8;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.upright.events.CloudEventHeaders;

/**
 * Publishes the oldest unpublished records and marks them published once the broker has
 * acknowledged them. A crash between the two publishes a record again with the same id, which
 * consumers dedupe; a record is never lost. Rows are locked with SKIP LOCKED, so instances can
 * publish side by side.
 *
 * <p>It uses the Kafka producer directly, with CloudEvents binary headers, rather than a SmallRye
 * emitter: handing each record to the emitter took about a third of the service's CPU under a
 * backlog (bench/run-advice with JFR).
 */
@ApplicationScoped
public class OutboxPublisher {

    private static final String SOURCE = "/advice-service";
    private static final int FORGET_AT_ONCE = 10_000;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafka;

    @Inject
    MeterRegistry meters;

    @Inject
    EntityManager entityManager;

    @Inject
    Clock clock;

    @ConfigProperty(name = "upright.outbox.batch-size", defaultValue = "500")
    int batchSize;

    @ConfigProperty(name = "upright.outbox.ack-timeout", defaultValue = "10s")
    Duration ackTimeout;

    private Producer<String, String> producer;
    private KafkaClientMetrics producerMetrics;

    @PostConstruct
    void connect() {
        Map<String, Object> settings = new HashMap<>(kafka);
        settings.put(ProducerConfig.CLIENT_ID_CONFIG, "advice-service-outbox");
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // the relay sends a batch at once and waits for it: nothing to gain from lingering
        settings.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, ackTimeout.toMillis());
        producer = new KafkaProducer<>(settings, new StringSerializer(), new StringSerializer());
        producerMetrics = new KafkaClientMetrics(producer);
        producerMetrics.bindTo(meters);
    }

    @PreDestroy
    void close() {
        producerMetrics.close();
        producer.close(Duration.ofSeconds(5));
    }

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
        awaitAcknowledged(CompletableFuture.allOf(pending.stream().map(this::send).toArray(CompletableFuture[]::new)));
        entityManager.createNativeQuery("update {h-schema}outbox_message set published_at = :now where id = any(:ids)")
                .setParameter("now", clock.instant())
                .setParameter("ids", pending.stream().map(message -> message.id).toArray(UUID[]::new))
                .executeUpdate();
        pending.forEach(entityManager::detach);
        return pending.size();
    }

    /**
     * Deletes what was published before {@code before}, a chunk at a time: the advice itself stays in
     * the advice table, and the broker keeps the records.
     *
     * @return how many records were deleted
     */
    public long forgetPublishedBefore(Instant before) {
        long forgotten = 0;
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                            "delete from {h-schema}outbox_message where ctid in (select ctid from {h-schema}outbox_message"
                                    + " where published_at < :before limit " + FORGET_AT_ONCE + ")")
                    .setParameter("before", before).executeUpdate());
            forgotten += deleted;
        } while (deleted == FORGET_AT_ONCE);
        return forgotten;
    }

    public int batchSize() {
        return batchSize;
    }

    private CompletableFuture<Void> send(OutboxMessage message) {
        CompletableFuture<Void> ack = new CompletableFuture<>();
        RecordHeaders headers = CloudEventHeaders.binary(utf8(message.id.toString()), utf8(message.ceType), SOURCE,
                message.messageKey, utf8(message.createdAt.toString()));
        producer.send(new ProducerRecord<>(message.topic, null, message.messageKey, message.payload, headers), (metadata, failure) -> {
            if (failure == null) {
                ack.complete(null);
            } else {
                ack.completeExceptionally(failure);
            }
        });
        return ack;
    }

    /** Fails the batch, which stays unpublished for the next run, unless the broker took all of it in time. */
    private void awaitAcknowledged(CompletableFuture<Void> acks) {
        try {
            acks.get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the broker", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the broker did not acknowledge the outbox batch: " + e, e);
        }
    }
}
