package org.upright.advice.review;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.upright.advice.totals.IsoWeek;

/**
 * Which pacing checks and week reviews were made, per person and week: what keeps each from being
 * made twice. One statement reads or writes the marks of many people, in the caller's transaction.
 */
@ApplicationScoped
class ReviewMarks {

    @Inject
    AgroalDataSource dataSource;

    /** A person's week and what was made for it: its mid-week pacing check, or its review once over. */
    record Mark(String userId, IsoWeek week, boolean review) {

        static Mark paced(String userId, IsoWeek week) {
            return new Mark(userId, week, false);
        }

        static Mark reviewed(String userId, IsoWeek week) {
            return new Mark(userId, week, true);
        }
    }

    record PersonWeek(String userId, IsoWeek week) {
    }

    /** The marks already made for these weeks. */
    Set<Mark> done(Collection<PersonWeek> weeks) {
        String sql = "select r.user_id, r.iso_week, r.paced_at is not null, r.reviewed_at is not null from week_review r"
                + " join unnest(?::text[], ?::text[]) as w(user_id, iso_week) on r.user_id = w.user_id and r.iso_week = w.iso_week";
        Set<Mark> done = new HashSet<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(sql)) {
            select.setObject(1, weeks.stream().map(PersonWeek::userId).toArray(String[]::new));
            select.setObject(2, weeks.stream().map(week -> week.week().toString()).toArray(String[]::new));
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    IsoWeek week = IsoWeek.parse(row.getString(2));
                    if (row.getBoolean(3)) {
                        done.add(Mark.paced(row.getString(1), week));
                    }
                    if (row.getBoolean(4)) {
                        done.add(Mark.reviewed(row.getString(1), week));
                    }
                }
            }
            return done;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read which weeks were reviewed", e);
        }
    }

    /** Records these marks as made {@code at}; a week's other mark is kept. */
    void mark(List<Mark> marks, Instant at) {
        if (marks.isEmpty()) {
            return;
        }
        // one row per person-week: a statement may not update the same row twice
        Map<PersonWeek, boolean[]> rows = new LinkedHashMap<>();
        for (Mark mark : marks) {
            rows.computeIfAbsent(new PersonWeek(mark.userId(), mark.week()), week -> new boolean[2])[mark.review() ? 1 : 0] = true;
        }
        String sql = "insert into week_review (user_id, iso_week, paced_at, reviewed_at)"
                + " select user_id, iso_week, case when paced then ?::timestamptz end, case when reviewed then ?::timestamptz end"
                + " from unnest(?::text[], ?::text[], ?::bool[], ?::bool[]) as m(user_id, iso_week, paced, reviewed)"
                + " on conflict (user_id, iso_week) do update set paced_at = coalesce(excluded.paced_at, week_review.paced_at),"
                + " reviewed_at = coalesce(excluded.reviewed_at, week_review.reviewed_at)";
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setString(1, at.toString());
            insert.setString(2, at.toString());
            insert.setObject(3, rows.keySet().stream().map(PersonWeek::userId).toArray(String[]::new));
            insert.setObject(4, rows.keySet().stream().map(week -> week.week().toString()).toArray(String[]::new));
            insert.setObject(5, rows.values().stream().map(made -> made[0]).toArray(Boolean[]::new));
            insert.setObject(6, rows.values().stream().map(made -> made[1]).toArray(Boolean[]::new));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not mark the weeks reviewed", e);
        }
    }
}
