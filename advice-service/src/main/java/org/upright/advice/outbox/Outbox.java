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
            insert.setObject(2, column(entries, entry -> entry.id().toString()));
            insert.setObject(3, column(entries, Entry::topic));
            insert.setObject(4, column(entries, Entry::key));
            insert.setObject(5, column(entries, Entry::ceType));
            insert.setObject(6, column(entries, Entry::payload));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not write to the outbox", e);
        }
        written.fire(new OutboxWritten());
    }

    private static String[] column(List<Entry> entries, Function<Entry, String> value) {
        return entries.stream().map(value).toArray(String[]::new);
    }
}
