package org.upright.advice.outbox;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/** Writes records to publish in the caller's transaction, in one statement; {@link OutboxRelay} publishes them. */
@ApplicationScoped
public class Outbox {

    @Inject
    Clock clock;

    @Inject
    Event<OutboxWritten> written;

    @Inject
    AgroalDataSource dataSource;

    /** A record to publish; its id becomes the record's CloudEvents id. */
    public record Entry(String topic, String key, String ceType, UUID id, String payload) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void addAll(List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        String sql = "insert into outbox_message (id, topic, message_key, ce_type, payload, created_at)"
                + " select id, topic, message_key, ce_type, payload, ? from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[])"
                + " as entry(id, topic, message_key, ce_type, payload)";
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setTimestamp(1, Timestamp.from(clock.instant()));
            insert.setArray(2, connection.createArrayOf("uuid", column(entries, Entry::id)));
            insert.setArray(3, connection.createArrayOf("text", column(entries, Entry::topic)));
            insert.setArray(4, connection.createArrayOf("text", column(entries, Entry::key)));
            insert.setArray(5, connection.createArrayOf("text", column(entries, Entry::ceType)));
            insert.setArray(6, connection.createArrayOf("text", column(entries, Entry::payload)));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not write to the outbox", e);
        }
        written.fire(new OutboxWritten());
    }

    private static Object[] column(List<Entry> entries, Function<Entry, Object> value) {
        return entries.stream().map(value).toArray();
    }
}
