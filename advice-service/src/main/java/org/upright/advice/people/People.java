package org.upright.advice.people;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** Looks up the people a batch of events belongs to, in one query (plain SQL: it runs for every batch). */
@ApplicationScoped
public class People {

    /** The zone and birth year a person's events are counted with; either may be null. */
    public record Known(String timeZone, Integer birthYear) {
    }

    @Inject
    AgroalDataSource dataSource;

    /** Only the people with a profile are in the map. */
    public Map<String, Known> byId(Collection<String> userIds) {
        Map<String, Known> known = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("select user_id, time_zone, birth_year from person where user_id = any(?::text[])")) {
            select.setObject(1, userIds.toArray(String[]::new));
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    known.put(row.getString(1), new Known(row.getString(2), row.getObject(3, Integer.class)));
                }
            }
            return known;
        } catch (SQLException e) {
            throw new IllegalStateException("could not look up people", e);
        }
    }
}
