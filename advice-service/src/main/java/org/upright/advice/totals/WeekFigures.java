package org.upright.advice.totals;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * One person's week, from its days. The CDC counts a vigorous minute as two moderate ones, so the
 * moderate-equivalent total is what the 150-minute target is compared with.
 */
public final class WeekFigures {

    private final IsoWeek week;
    private final Map<LocalDate, DayFigures> days;
    /** Every figure below reads the sum: it is added up once. */
    private final DayFigures total;

    public WeekFigures(IsoWeek week, Map<LocalDate, DayFigures> days) {
        this.week = week;
        this.days = Collections.unmodifiableMap(new TreeMap<>(days));
        this.total = days.values().stream().reduce(DayFigures.NONE, DayFigures::plus);
    }

    public IsoWeek week() {
        return week;
    }

    public Map<LocalDate, DayFigures> days() {
        return days;
    }

    public static WeekFigures empty(IsoWeek week) {
        return new WeekFigures(week, Map.of());
    }

    /** The week's part of a run of days; days outside the week are left out. */
    public static WeekFigures of(IsoWeek week, NavigableMap<LocalDate, DayFigures> days) {
        return new WeekFigures(week, days.subMap(week.monday(), true, week.monday().plusDays(6), true));
    }

    public DayFigures total() {
        return total;
    }

    public double moderateMinutes() {
        return total().moderateSeconds() / 60.0;
    }

    public double vigorousMinutes() {
        return total().vigorousSeconds() / 60.0;
    }

    public double moderateEquivalentMinutes() {
        return moderateMinutes() + 2 * vigorousMinutes();
    }

    public int strengthDays() {
        return (int) days.values().stream().filter(day -> day.strengthSessions() > 0).count();
    }

    public int painDays() {
        return (int) days.values().stream().filter(day -> day.painReports() > 0).count();
    }

    public double sittingMinutes() {
        return total().sittingSeconds() / 60.0;
    }

    /**
     * Poor posture's share of the week's sitting time; when no sitting was recorded, of the time
     * posture was observed at all. Empty when neither was.
     */
    public OptionalDouble poorPostureShare() {
        DayFigures total = total();
        long base = total.sittingSeconds() > 0 ? total.sittingSeconds() : total.postureSeconds();
        return base == 0 ? OptionalDouble.empty()
                : OptionalDouble.of(Math.min(1.0, (double) total.poorPostureSeconds() / base));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WeekFigures that && week.equals(that.week) && days.equals(that.days);
    }

    @Override
    public int hashCode() {
        return Objects.hash(week, days);
    }

    @Override
    public String toString() {
        return "WeekFigures[" + week + ", " + days + "]";
    }
}
