package org.upright.advice.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.junit.jupiter.api.Test;
import org.upright.events.Topics;
import org.upright.localinfra.LocalInfraTestResource;
import org.upright.localinfra.TopicReader;

@QuarkusTest
@WithTestResource(LocalInfraTestResource.class)
class OutboxRelayTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    OutboxPublisher publisher;

    @Inject
    EntityManagerFactory entityManagerFactory;

    @Test
    void recordLeftInTheOutboxByACrashIsPublishedByTheSweep() {
        String user = "user-" + UUID.randomUUID();
        // Written straight to the table, as if the service had died right after committing: no after-commit trigger.
        UUID id = stored(user, Instant.now(), null);

        List<ConsumerRecord<String, String>> published = TopicReader.read(bootstrapServers, Topics.ADVICE_ISSUED,
                record -> user.equals(record.key()), 1, Duration.ofSeconds(20));

        assertEquals(1, published.size());
        assertEquals(id.toString(), TopicReader.header(published.get(0), "ce_id"));
        OutboxMessage stored = QuarkusTransaction.requiringNew().call(() -> OutboxMessage.findById(id));
        assertNotNull(stored.publishedAt, "marked published once acknowledged");
    }

    @Test
    void publishedRecordsAreDeletedOnceOlderThanTheyAreKeptAndNothingElse() {
        Instant now = Instant.now();
        UUID old = stored("user-" + UUID.randomUUID(), now.minus(Duration.ofDays(8)), now.minus(Duration.ofDays(8)));
        UUID recent = stored("user-" + UUID.randomUUID(), now.minus(Duration.ofDays(1)), now.minus(Duration.ofDays(1)));
        UUID unpublished = stored("user-" + UUID.randomUUID(), now.minus(Duration.ofDays(8)), null);

        publisher.forgetPublishedBefore(now.minus(Duration.ofDays(7)));

        QuarkusTransaction.requiringNew().run(() -> {
            assertNull(OutboxMessage.findById(old), "published 8 days ago");
            assertNotNull(OutboxMessage.findById(recent), "published yesterday");
            assertNotNull(OutboxMessage.findById(unpublished), "never published");
        });
    }

    private static UUID stored(String user, Instant createdAt, Instant publishedAt) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            OutboxMessage message = new OutboxMessage();
            message.id = id;
            message.topic = Topics.ADVICE_ISSUED;
            message.messageKey = user;
            message.ceType = "org.upright.advice.issued.v1";
            message.payload = "{\"adviceId\":\"" + id + "\"}";
            message.createdAt = createdAt;
            message.publishedAt = publishedAt;
            message.persist();
        });
        return id;
    }

    /** The relay runs after every commit: a query planned anew each time would fill the plan cache with entries of one hash. */
    @Test
    void publishingAgainPlansNoQueryAnew() {
        publisher.publishBatch();
        publisher.publishBatch();
        int planned = cachedQueryPlans();

        for (int i = 0; i < 10; i++) {
            publisher.publishBatch();
        }

        assertEquals(planned, cachedQueryPlans(), "query plans cached after ten more batches");
    }

    private int cachedQueryPlans() {
        return entityManagerFactory.unwrap(SessionFactoryImplementor.class).getQueryEngine().getInterpretationCache()
                .getNumberOfCachedQueryPlans();
    }
}
