package org.upright.notification.preferences;

import io.agroal.api.AgroalDataSource;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.upright.events.BatchConsumption;
import org.upright.events.ProfileChanged;
import org.upright.events.Topics;
import org.upright.notification.deadletters.DeadLetters;

/**
 * Keeps the zone of each person's profile from {@link Topics#PROFILES}, so that someone who told
 * activity-service where they live has quiet hours and a daily cap in their own zone without
 * saying it again here. The newest profile wins: a record replayed out of order changes nothing.
 */
@ApplicationScoped
public class ProfileZones {

    static final String DEAD_LETTERS = "profiles-dead-letters";
    private static final String UPSERT = "insert into profile_zone (user_id, time_zone, updated_at)"
            + " select * from unnest(?::text[], ?::text[], ?::timestamptz[])"
            + " on conflict (user_id) do update set time_zone = excluded.time_zone, updated_at = excluded.updated_at"
            + " where profile_zone.updated_at < excluded.updated_at";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    @Channel(DEAD_LETTERS)
    MutinyEmitter<String> deadLetters;

    @Incoming(Topics.PROFILES)
    @Blocking
    public void consume(ConsumerRecords<String, String> records) throws InterruptedException {
        BatchConsumption.consume(records, ProfileChanged::fromRecord,
                (record, reason) -> DeadLetters.send(deadLetters, record, reason), this::store);
    }

    private void store(List<ProfileChanged> profiles) {
        Collection<ProfileChanged> rows = ProfileChanged.newestPerPerson(profiles);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
            upsert.setObject(1, rows.stream().map(ProfileChanged::userId).toArray(String[]::new));
            upsert.setObject(2, rows.stream().map(ProfileChanged::timeZone).toArray(String[]::new));
            upsert.setObject(3, rows.stream().map(profile -> profile.updatedAt().toString()).toArray(String[]::new));
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not store the zones of " + rows.size() + " profiles", e);
        }
    }
}
