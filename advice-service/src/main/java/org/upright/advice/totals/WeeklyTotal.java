package org.upright.advice.totals;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.util.Optional;
import org.upright.events.Intensity;

/** One person's totals for one ISO week in their time zone. */
@Entity
@Table(name = "weekly_total")
public class WeeklyTotal extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "user_id", nullable = false)
    public String userId;

    @Column(name = "iso_week", nullable = false)
    public String isoWeek;

    @Column(name = "moderate_seconds", nullable = false)
    public long moderateSeconds;

    @Column(name = "vigorous_seconds", nullable = false)
    public long vigorousSeconds;

    public static Optional<WeeklyTotal> find(String userId, IsoWeek week) {
        return find("userId = ?1 and isoWeek = ?2", userId, week.toString()).firstResultOptional();
    }

    public static WeeklyTotal findOrCreate(String userId, IsoWeek week) {
        return find(userId, week).orElseGet(() -> {
            WeeklyTotal total = new WeeklyTotal();
            total.userId = userId;
            total.isoWeek = week.toString();
            total.persist();
            return total;
        });
    }

    public void add(Intensity intensity, Duration duration) {
        switch (intensity) {
            case MODERATE -> moderateSeconds += duration.toSeconds();
            case VIGOROUS -> vigorousSeconds += duration.toSeconds();
            case LIGHT -> {
                // light activity does not count towards the aerobic target
            }
        }
    }

    public WeekFigures figures() {
        return new WeekFigures(moderateSeconds / 60.0, vigorousSeconds / 60.0);
    }
}
