package org.upright.advice.totals;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The day totals table. A batch of events becomes one upsert statement with a row per person-day
 * it touched, however many events it held (plain SQL: an ORM would read and write each row).
 */
@ApplicationScoped
public class DayTotals {

    private static final String COLUMNS = "moderate_seconds, vigorous_seconds, strength_sessions, sitting_seconds, "
            + "longest_bout_seconds, long_bouts, stretch_breaks, posture_seconds, poor_posture_seconds, "
            + "high_stress_seconds, pain_reports, max_pain_severity";
    private static final String UPSERT = "insert into day_total (user_id, day, iso_week, " + COLUMNS + ")"
            + " select * from unnest(?::text[], ?::date[], ?::text[], ?::int8[], ?::int8[], ?::int4[], ?::int8[], ?::int8[],"
            + " ?::int4[], ?::int4[], ?::int8[], ?::int8[], ?::int8[], ?::int4[], ?::int4[])"
            + " on conflict (user_id, day) do update set"
            + " moderate_seconds = day_total.moderate_seconds + excluded.moderate_seconds,"
            + " vigorous_seconds = day_total.vigorous_seconds + excluded.vigorous_seconds,"
            + " strength_sessions = day_total.strength_sessions + excluded.strength_sessions,"
            + " sitting_seconds = day_total.sitting_seconds + excluded.sitting_seconds,"
            + " longest_bout_seconds = greatest(day_total.longest_bout_seconds, excluded.longest_bout_seconds),"
            + " long_bouts = day_total.long_bouts + excluded.long_bouts,"
            + " stretch_breaks = day_total.stretch_breaks + excluded.stretch_breaks,"
            + " posture_seconds = day_total.posture_seconds + excluded.posture_seconds,"
            + " poor_posture_seconds = day_total.poor_posture_seconds + excluded.poor_posture_seconds,"
            + " high_stress_seconds = day_total.high_stress_seconds + excluded.high_stress_seconds,"
            + " pain_reports = day_total.pain_reports + excluded.pain_reports,"
            + " max_pain_severity = greatest(day_total.max_pain_severity, excluded.max_pain_severity)";

    @Inject
    AgroalDataSource dataSource;

    /** Adds each person-day's figures to what is stored, in the caller's transaction. */
    public void add(Map<UserDay, DayFigures> additions) {
        if (additions.isEmpty()) {
            return;
        }
        int size = additions.size();
        String[] userIds = new String[size];
        String[] days = new String[size];
        String[] weeks = new String[size];
        long[][] figures = new long[12][size];
        int row = 0;
        for (Map.Entry<UserDay, DayFigures> addition : additions.entrySet()) {
            UserDay key = addition.getKey();
            DayFigures day = addition.getValue();
            userIds[row] = key.userId();
            days[row] = key.day().toString();
            weeks[row] = key.week().toString();
            long[] values = {day.moderateSeconds(), day.vigorousSeconds(), day.strengthSessions(), day.sittingSeconds(),
                    day.longestBoutSeconds(), day.longBouts(), day.stretchBreaks(), day.postureSeconds(), day.poorPostureSeconds(),
                    day.highStressSeconds(), day.painReports(), day.maxPainSeverity()};
            for (int column = 0; column < values.length; column++) {
                figures[column][row] = values[column];
            }
            row++;
        }
        try (Connection connection = dataSource.getConnection(); PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
            upsert.setObject(1, userIds);
            upsert.setObject(2, days);
            upsert.setObject(3, weeks);
            for (int column = 0; column < figures.length; column++) {
                // one primitive array per column, nothing boxed; its SQL cast says whether it is int8 or int4
                upsert.setObject(4 + column, figures[column]);
            }
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not add to the day totals", e);
        }
    }

    /** A person's days from {@code from} to {@code to}, both included. */
    public record Span(String userId, LocalDate from, LocalDate to) {
    }

    /** The stored days within each span, per person in day order; one query for all of them. */
    public Map<String, TreeMap<LocalDate, DayFigures>> days(Collection<Span> spans) {
        // lateral: a range scan of the key per person, whatever the table's size (as a join it was planned as a hash of the whole table)
        String sql = "select span.user_id, d.day, " + COLUMNS + " from unnest(?::text[], ?::date[], ?::date[]) as span(user_id, first_day, last_day)"
                + " cross join lateral (select * from day_total where user_id = span.user_id and day between span.first_day and span.last_day) d";
        Map<String, TreeMap<LocalDate, DayFigures>> days = new HashMap<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(sql)) {
            select.setObject(1, spans.stream().map(Span::userId).toArray(String[]::new));
            select.setObject(2, spans.stream().map(span -> span.from().toString()).toArray(String[]::new));
            select.setObject(3, spans.stream().map(span -> span.to().toString()).toArray(String[]::new));
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    DayFigures figures = new DayFigures(row.getLong(3), row.getLong(4), row.getInt(5), row.getLong(6), row.getLong(7),
                            row.getInt(8), row.getInt(9), row.getLong(10), row.getLong(11), row.getLong(12), row.getInt(13), row.getInt(14));
                    days.computeIfAbsent(row.getString(1), user -> new TreeMap<>()).put(row.getObject(2, LocalDate.class), figures);
                }
            }
            return days;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the day totals", e);
        }
    }

    /** The stored days of these people from {@code from} to {@code to}, both included, per person in day order. */
    public Map<String, TreeMap<LocalDate, DayFigures>> days(Collection<String> userIds, LocalDate from, LocalDate to) {
        return days(userIds.stream().map(userId -> new Span(userId, from, to)).toList());
    }

    /** One person's days from {@code from} to {@code to}, both included. */
    public TreeMap<LocalDate, DayFigures> days(String userId, LocalDate from, LocalDate to) {
        return days(List.of(userId), from, to).getOrDefault(userId, new TreeMap<>());
    }
}
