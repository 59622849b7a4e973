package org.upright.advice.totals;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The activities each person has recorded, so that a new kind of exercise can be told. */
@ApplicationScoped
public class ExerciseKinds {

    @Inject
    AgroalDataSource dataSource;

    /** A session of an activity, with its day and resolved minutes. */
    public record Session(String userId, String activity, LocalDate day, double minutes) {
    }

    /**
     * Records these sessions' activities and returns the sessions whose activity is new to a person
     * who had recorded another activity before this batch: a first activity ever is not "new". Each
     * person's activity counts once per call, with its first session.
     */
    public List<Session> recordNew(List<Session> sessions) {
        if (sessions.isEmpty()) {
            return List.of();
        }
        try (Connection connection = dataSource.getConnection()) {
            Set<String> experienced = new HashSet<>();
            // one probe of the key per person: "select distinct … where user_id = any(…)" was planned as a scan of the whole table
            try (PreparedStatement select = connection.prepareStatement("select person from unnest(?::text[]) as person"
                    + " where exists (select 1 from exercise_kind where user_id = person)")) {
                select.setObject(1, sessions.stream().map(Session::userId).distinct().toArray(String[]::new));
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        experienced.add(row.getString(1));
                    }
                }
            }
            Set<List<String>> inserted = new HashSet<>();
            try (PreparedStatement insert = connection.prepareStatement("insert into exercise_kind (user_id, activity, first_day)"
                    + " select * from unnest(?::text[], ?::text[], ?::date[]) on conflict do nothing returning user_id, activity")) {
                insert.setObject(1, sessions.stream().map(Session::userId).toArray(String[]::new));
                insert.setObject(2, sessions.stream().map(Session::activity).toArray(String[]::new));
                insert.setObject(3, sessions.stream().map(session -> session.day().toString()).toArray(String[]::new));
                try (ResultSet row = insert.executeQuery()) {
                    while (row.next()) {
                        inserted.add(List.of(row.getString(1), row.getString(2)));
                    }
                }
            }
            List<Session> fresh = new ArrayList<>();
            for (Session session : sessions) {
                if (experienced.contains(session.userId()) && inserted.remove(List.of(session.userId(), session.activity()))) {
                    fresh.add(session);
                }
            }
            return fresh;
        } catch (SQLException e) {
            throw new IllegalStateException("could not record exercise kinds", e);
        }
    }
}
