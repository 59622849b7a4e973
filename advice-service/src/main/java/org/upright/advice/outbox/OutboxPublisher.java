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
import java.time.Duration;
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
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.upright.events.AdviceIssued;
import org.upright.events.CloudEventHeaders;
import org.upright.events.CloudEventTypes;
import org.upright.events.EventJson;
import org.upright.events.Severity;
import org.upright.events.Topics;

/**
 * Publishes the advice longest in the outbox and takes it out once the broker has acknowledged it.
 * A crash between the two publishes advice again with the same id, which consumers dedupe; advice
 * is never lost. Entries are locked with SKIP LOCKED, so instances can publish side by side.
 *
 * <p>It uses the Kafka producer directly, with CloudEvents binary headers, rather than a SmallRye
 * emitter: handing each record to the emitter took about a third of the service's CPU under a
 * backlog (bench/run-advice with JFR).
 */
@ApplicationScoped
public class OutboxPublisher {

    private static final String SOURCE = "/advice-service";
    private static final byte[] CE_TYPE = utf8(CloudEventTypes.ADVICE_ISSUED);

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafka;

    @Inject
    MeterRegistry meters;

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "upright.outbox.batch-size", defaultValue = "500")
    int batchSize;

    @ConfigProperty(name = "upright.outbox.ack-timeout", defaultValue = "10s")
    Duration ackTimeout;

    private Producer<String, byte[]> producer;
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
        producer = new KafkaProducer<>(settings, new StringSerializer(), new ByteArraySerializer());
        producerMetrics = new KafkaClientMetrics(producer);
        producerMetrics.bindTo(meters);
    }

    @PreDestroy
    void close() {
        producerMetrics.close();
        producer.close(Duration.ofSeconds(5));
    }

    /** The advice not published yet: the relay's lag. */
    public long pending() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement count = connection.prepareStatement("select count(*) from outbox_advice");
             ResultSet row = count.executeQuery()) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("could not count the outbox", e);
        }
    }

    /**
     * @return how many entries left the outbox. Plain SQL: it runs after every commit that wrote
     *     advice, and loading the rows as entities took most of the relay's CPU (JFR, bench/run-nudges).
     */
    @Transactional
    public int publishBatch() {
        planOnce();
        List<Queued> queued = lockOldest();
        if (queued.isEmpty()) {
            return 0;
        }
        awaitAcknowledged(CompletableFuture.allOf(queued.stream()
                .filter(entry -> entry.advice() != null)
                .map(entry -> send(entry.advice()))
                .toArray(CompletableFuture[]::new)));
        remove(queued);
        return queued.size();
    }

    /** An outbox entry and its advice; none if the advice is no longer stored. */
    private record Queued(long seq, AdviceIssued advice) {
    }

    private List<Queued> lockOldest() {
        String sql = "select q.seq, a.id, a.user_id, a.rule_id, a.severity, a.message, a.figure, a.target, a.unit,"
                + " a.source_document, a.source_section, a.source_point, a.period, a.issued_at"
                + " from outbox_advice q left join advice a on a.id = q.advice_id"
                + " order by q.seq limit ? for update of q skip locked";
        List<Queued> queued = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(sql)) {
            select.setInt(1, batchSize);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    UUID id = row.getObject(2, UUID.class);
                    AdviceIssued advice = id == null ? null : new AdviceIssued(id, row.getString(3), row.getString(4),
                            Severity.fromWireName(row.getString(5)), row.getString(6), row.getDouble(7), row.getDouble(8), row.getString(9),
                            new AdviceIssued.Source(row.getString(10), row.getString(11), row.getString(12)), row.getString(13),
                            row.getTimestamp(14).toInstant());
                    queued.add(new Queued(row.getLong(1), advice));
                }
            }
            return queued;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the outbox", e);
        }
    }

    /**
     * Both statements are planned once per connection. For {@code seq = any(array)} PostgreSQL's plan
     * cache never let the generic plan win, and planning afresh took longer than running (164 against
     * 103 µs); the read of the oldest entries was planned on every run too (111 against 71 µs;
     * bench/run-nudges). The setting ends with the transaction.
     */
    private void planOnce() {
        try (Connection connection = dataSource.getConnection(); Statement generic = connection.createStatement()) {
            generic.execute("set local plan_cache_mode = force_generic_plan");
        } catch (SQLException e) {
            throw new IllegalStateException("could not set the outbox's plan cache mode", e);
        }
    }

    private void remove(List<Queued> published) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("delete from outbox_advice where seq = any(?::int8[])")) {
            delete.setObject(1, published.stream().mapToLong(Queued::seq).toArray());
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not take published advice out of the outbox", e);
        }
    }

    public int batchSize() {
        return batchSize;
    }

    private CompletableFuture<Void> send(AdviceIssued advice) {
        CompletableFuture<Void> ack = new CompletableFuture<>();
        RecordHeaders headers = CloudEventHeaders.binary(utf8(advice.adviceId().toString()), CE_TYPE, SOURCE, advice.userId(),
                utf8(advice.issuedAt().toString()));
        producer.send(new ProducerRecord<>(Topics.ADVICE_ISSUED, null, advice.userId(), EventJson.writeBytes(advice), headers),
                (metadata, failure) -> {
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
