package org.upright.advice.outbox;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.upright.events.AdviceIssued;
import org.upright.events.EventJson;
import org.upright.events.Severity;
import org.upright.events.Topics;
import org.upright.localinfra.LocalInfraTestResource;
import org.upright.localinfra.TopicReader;

@QuarkusTest
@WithTestResource(LocalInfraTestResource.class)
class OutboxRelayTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void adviceLeftInTheOutboxByACrashIsPublishedByTheSweepAsStored() {
        String user = "user-" + UUID.randomUUID();
        Instant issuedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        // Written straight to the tables, as if the service had died right after committing: no after-commit trigger.
        UUID id = UUID.randomUUID();
        execute("insert into advice (id, user_id, rule_id, cause, period, severity, message, figure, target, unit,"
                + " source_document, source_section, source_point, issued_at)"
                + " values (?, ?, 'stress-high', 'day:2026-11-24', '2026-11-24', 'warning', 'A stressful day.', 75, 60, 'min',"
                + " 'The article', 'Causes', 'Stress tightens the back.', ?)", id, user, Timestamp.from(issuedAt));
        execute("insert into outbox_advice (advice_id) values (?)", id);

        List<ConsumerRecord<String, String>> published = TopicReader.read(bootstrapServers, Topics.ADVICE_ISSUED,
                record -> user.equals(record.key()), 1, Duration.ofSeconds(20));

        assertEquals(1, published.size());
        assertEquals(id.toString(), TopicReader.header(published.get(0), "ce_id"));
        assertEquals(issuedAt.toString(), TopicReader.header(published.get(0), "ce_time"));
        AdviceIssued record = EventJson.read(published.get(0).value(), AdviceIssued.class);
        assertEquals(new AdviceIssued(id, user, "stress-high", Severity.WARNING, "A stressful day.", 75, 60, "min",
                new AdviceIssued.Source("The article", "Causes", "Stress tightens the back."), "2026-11-24", issuedAt), record);
        await().atMost(Duration.ofSeconds(5)).until(() -> !queued(id));
    }

    @Test
    void anEntryWhoseAdviceIsNoLongerStoredLeavesTheOutbox() {
        UUID gone = UUID.randomUUID();
        execute("insert into outbox_advice (advice_id) values (?)", gone);

        await().atMost(Duration.ofSeconds(5)).until(() -> !queued(gone));
    }

    private void execute(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean queued(UUID adviceId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("select 1 from outbox_advice where advice_id = ?")) {
            select.setObject(1, adviceId);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
