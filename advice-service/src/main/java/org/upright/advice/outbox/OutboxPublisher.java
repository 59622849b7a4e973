package org.upright.advice.outbox;

import static org.upright.events.CloudEventHeaders.utf8;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
import org.upright.retention.ChunkedDelete;

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

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafka;

    @Inject
    MeterRegistry meters;

    @Inject
    AgroalDataSource dataSource;

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
        try (Connection connection = dataSource.getConnection();
             PreparedStatement count = connection.prepareStatement("select count(*) from outbox_message where published_at is null");
             ResultSet row = count.executeQuery()) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("could not count the outbox", e);
        }
    }

    /**
     * @return how many records were published. Plain SQL: it runs after every commit that wrote
     *     advice, and loading the rows as entities took most of the relay's CPU (JFR, bench/run-nudges).
     */
    @Transactional
    public int publishBatch() {
        List<Pending> pending = lockOldestUnpublished();
        if (pending.isEmpty()) {
            return 0;
        }
        awaitAcknowledged(CompletableFuture.allOf(pending.stream().map(this::send).toArray(CompletableFuture[]::new)));
        markPublished(pending);
        return pending.size();
    }

    /** A record to publish, as stored. */
    private record Pending(UUID id, String topic, String key, String ceType, String payload, Instant createdAt) {
    }

    private List<Pending> lockOldestUnpublished() {
        String sql = "select id, topic, message_key, ce_type, payload, created_at from outbox_message where published_at is null"
                + " order by created_at limit ? for update skip locked";
        List<Pending> pending = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(sql)) {
            select.setInt(1, batchSize);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    pending.add(new Pending(row.getObject(1, UUID.class), row.getString(2), row.getString(3), row.getString(4),
                            row.getString(5), row.getTimestamp(6).toInstant()));
                }
            }
            return pending;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the outbox", e);
        }
    }

    /**
     * Planned once per connection: for {@code id = any(array)} PostgreSQL's plan cache never lets the
     * generic plan win, and planning the update afresh took longer than running it (164 against 103 µs,
     * bench/run-nudges). The setting ends with the transaction.
     */
    private void markPublished(List<Pending> published) {
        try (Connection connection = dataSource.getConnection();
             Statement generic = connection.createStatement();
             PreparedStatement update = connection.prepareStatement("update outbox_message set published_at = ? where id = any(?::uuid[])")) {
            generic.execute("set local plan_cache_mode = force_generic_plan");
            update.setTimestamp(1, Timestamp.from(clock.instant()));
            update.setObject(2, published.stream().map(message -> message.id().toString()).toArray(String[]::new));
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not mark the outbox published", e);
        }
    }

    /**
     * Deletes what was published before {@code before}, a chunk at a time: the advice itself stays in
     * the advice table, and the broker keeps the records.
     *
     * @return how many records were deleted
     */
    public long forgetPublishedBefore(Instant before) {
        try {
            return ChunkedDelete.delete(dataSource, "outbox_message", "published_at < ?", before);
        } catch (SQLException e) {
            throw new IllegalStateException("could not forget published outbox records", e);
        }
    }

    public int batchSize() {
        return batchSize;
    }

    private CompletableFuture<Void> send(Pending message) {
        CompletableFuture<Void> ack = new CompletableFuture<>();
        RecordHeaders headers = CloudEventHeaders.binary(utf8(message.id().toString()), utf8(message.ceType()), SOURCE,
                message.key(), utf8(message.createdAt().toString()));
        producer.send(new ProducerRecord<>(message.topic(), null, message.key(), message.payload(), headers), (metadata, failure) -> {
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
