package org.upright.activity.ingest;

import static org.upright.events.CloudEventHeaders.utf8;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ServiceUnavailableException;
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
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.upright.events.ActivityEvent;
import org.upright.events.CloudEventHeaders;
import org.upright.events.CloudEventTypes;
import org.upright.events.EventJson;
import org.upright.events.Topics;

/**
 * Publishes activity-service's records, keyed by user, with CloudEvents binary-mode headers:
 * events to {@link Topics#ACTIVITY_EVENTS}, and single records such as profile changes. The
 * returned futures complete only when the broker has acknowledged every record.
 *
 * <p>It uses the Kafka producer directly rather than a SmallRye emitter: the emitter hands every
 * record to one thread, which capped ingest at about 14k events/s on 2 cores (bench/run-ingest);
 * the producer itself is thread-safe and batches what the request threads send it.
 */
@ApplicationScoped
public class EventPublisher {

    /** What a 503 asks the caller to wait before retrying. */
    private static final long RETRY_AFTER_SECONDS = 5;

    private static final Logger LOG = Logger.getLogger(EventPublisher.class);
    private static final String PRODUCER_SETTINGS = "upright.ingest.producer.";
    private static final byte[] ACTIVITY_RECORDED = utf8(CloudEventTypes.ACTIVITY_RECORDED);

    private final Producer<String, byte[]> producer;
    private final KafkaClientMetrics metrics;
    private final Duration publishTimeout;

    @Inject
    public EventPublisher(@Identifier("default-kafka-broker") Map<String, Object> kafka, Config config, MeterRegistry registry,
            @ConfigProperty(name = "upright.ingest.publish-timeout", defaultValue = "5s") Duration publishTimeout) {
        Map<String, Object> settings = new HashMap<>(kafka);
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(PRODUCER_SETTINGS)) {
                settings.put(name.substring(PRODUCER_SETTINGS.length()), config.getValue(name, String.class));
            }
        }
        settings.put(ProducerConfig.CLIENT_ID_CONFIG, "activity-service-ingest");
        this.producer = new KafkaProducer<>(settings, new StringSerializer(), new ByteArraySerializer());
        this.metrics = new KafkaClientMetrics(producer);
        metrics.bindTo(registry);
        this.publishTimeout = publishTimeout;
    }

    /** Completes when the broker has acknowledged every event; fails if it refused any. */
    public CompletableFuture<Void> publishAll(List<ActivityEvent> events) {
        byte[] recordedAt = utf8(Instant.now().toString());
        CompletableFuture<?>[] acks = events.stream()
                .map(event -> send(Topics.ACTIVITY_EVENTS, event.userId(), EventJson.writeBytes(event), CloudEventHeaders.binary(
                        utf8(event.eventId().toString()), ACTIVITY_RECORDED, event.source(), event.userId(), recordedAt)))
                .toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(acks);
    }

    /**
     * Publishes one record about a person, keyed by their user id (also its {@code ce_subject}) and
     * with a new {@code ce_id}. Completes when the broker has acknowledged it; fails if it refused it.
     */
    public CompletableFuture<Void> publish(String topic, String ceType, String ceSource, String userId, Instant ceTime,
            Object value) {
        return send(topic, userId, EventJson.writeBytes(value), CloudEventHeaders.binary(
                utf8(UUID.randomUUID().toString()), utf8(ceType), ceSource, userId, utf8(ceTime.toString())));
    }

    /**
     * Waits for an acknowledgement for at most {@code upright.ingest.publish-timeout}.
     *
     * @param notStored the 503's detail: what was not stored, and that the caller should retry
     * @throws ServiceUnavailableException with Retry-After when the broker refused or did not answer in time
     */
    public void awaitAcknowledged(CompletableFuture<Void> ack, String notStored) {
        try {
            ack.get(publishTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnavailableException(notStored, RETRY_AFTER_SECONDS);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            LOG.warnf("the broker did not acknowledge in time (answered 503: %s): %s", notStored, e.toString());
            throw new ServiceUnavailableException(notStored, RETRY_AFTER_SECONDS);
        }
    }

    private CompletableFuture<Void> send(String topic, String key, byte[] value, RecordHeaders headers) {
        CompletableFuture<Void> ack = new CompletableFuture<>();
        producer.send(new ProducerRecord<>(topic, null, key, value, headers), (metadata, failure) -> {
            if (failure == null) {
                ack.complete(null);
            } else {
                ack.completeExceptionally(failure);
            }
        });
        return ack;
    }

    @PreDestroy
    void close() {
        metrics.close();
        producer.close(Duration.ofSeconds(5));
    }
}
