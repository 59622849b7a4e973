package org.upright.advice.outbox;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
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
    AgroalDataSource dataSource;

    @Test
    void recordLeftInTheOutboxByACrashIsPublishedByTheSweep() {
        String user = "user-" + UUID.randomUUID();
        // Written straight to the table, as if the service had died right after committing: no after-commit trigger.
        UUID id = stored(user, Instant.now(), null);

        List<ConsumerRecord<String, String>> published = TopicReader.read(bootstrapServers, Topics.ADVICE_ISSUED,
                record -> user.equals(record.key()), 1, Duration.ofSeconds(20));

        assertEquals(1, published.size());
        assertEquals(id.toString(), TopicReader.header(published.get(0), "ce_id"));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertTrue(publishedAt(id).isPresent(), "marked published once acknowledged"));
    }

    @Test
    void publishedRecordsAreDeletedOnceOlderThanTheyAreKeptAndNothingElse() {
        Instant now = Instant.now();
        UUID old = stored("user-" + UUID.randomUUID(), now.minus(Duration.ofDays(8)), now.minus(Duration.ofDays(8)));
        UUID recent = stored("user-" + UUID.randomUUID(), now.minus(Duration.ofDays(1)), now.minus(Duration.ofDays(1)));
        UUID unpublished = stored("user-" + UUID.randomUUID(), now.minus(Duration.ofDays(8)), null);

        publisher.forgetPublishedBefore(now.minus(Duration.ofDays(7)));

        assertFalse(isStored(old), "published 8 days ago");
        assertTrue(isStored(recent), "published yesterday");
        assertTrue(isStored(unpublished), "never published");
    }

    /** Written straight to the table. */
    private UUID stored(String user, Instant createdAt, Instant publishedAt) {
        UUID id = UUID.randomUUID();
        String sql = "insert into outbox_message (id, topic, message_key, ce_type, payload, created_at, published_at)"
                + " values (?, ?, ?, ?, ?, ?, ?)";
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setObject(1, id);
            insert.setString(2, Topics.ADVICE_ISSUED);
            insert.setString(3, user);
            insert.setString(4, "org.upright.advice.issued.v1");
            insert.setString(5, "{\"adviceId\":\"" + id + "\"}");
            insert.setTimestamp(6, Timestamp.from(createdAt));
            insert.setTimestamp(7, publishedAt == null ? null : Timestamp.from(publishedAt));
            insert.executeUpdate();
            return id;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean isStored(UUID id) {
        return query("select 1 from outbox_message where id = ?", id, row -> true).orElse(false);
    }

    private Optional<Instant> publishedAt(UUID id) {
        return query("select published_at from outbox_message where id = ?", id, row -> row.getTimestamp(1)).map(Timestamp::toInstant);
    }

    private interface Column<T> {
        T read(ResultSet row) throws SQLException;
    }

    /** The first row's value; empty when there is no row or the value is null. */
    private <T> Optional<T> query(String sql, UUID id, Column<T> column) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(sql)) {
            select.setObject(1, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.ofNullable(column.read(row)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
