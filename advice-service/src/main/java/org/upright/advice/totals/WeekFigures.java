package org.upright.advice.totals;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.OptionalDouble;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One person's week, from its days. The CDC counts a vigorous minute as two moderate ones, so the
 * moderate-equivalent total is what the 150-minute target is compared with.
 */
public final class WeekFigures {

    private final IsoWeek week;
    /** Monday first; null where nothing was recorded. Rules build several weeks per batch, so no map is copied. */
    private final DayFigures[] byWeekday = new DayFigures[7];
    /** Every figure below reads the sum: it is added up once. */
    private final DayFigures total;

    /** @throws IllegalArgumentException for a day outside the week */
    public WeekFigures(IsoWeek week, Map<LocalDate, DayFigures> days) {
        this.week = week;
        long monday = week.monday().toEpochDay();
        DayFigures sum = DayFigures.NONE;
        for (Map.Entry<LocalDate, DayFigures> day : days.entrySet()) {
            long weekday = day.getKey().toEpochDay() - monday;
            if (weekday < 0 || weekday > 6) {
                throw new IllegalArgumentException(day.getKey() + " is not in " + week);
            }
            byWeekday[(int) weekday] = day.getValue();
            sum = sum.plus(day.getValue());
        }
        this.total = sum;
    }

    public IsoWeek week() {
        return week;
    }

    /** The days with something recorded, in order. */
    public SortedMap<LocalDate, DayFigures> days() {
        SortedMap<LocalDate, DayFigures> days = new TreeMap<>();
        for (int i = 0; i < byWeekday.length; i++) {
            if (byWeekday[i] != null) {
                days.put(week.monday().plusDays(i), byWeekday[i]);
            }
        }
        return Collections.unmodifiableSortedMap(days);
    }

    /** The week's part of a run of days; days outside the week are left out. */
    public static WeekFigures of(IsoWeek week, NavigableMap<LocalDate, DayFigures> days) {
        return new WeekFigures(week, days.subMap(week.monday(), true, week.sunday(), true));
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
        int days = 0;
        for (DayFigures day : byWeekday) {
            days += day != null && day.strengthSessions() > 0 ? 1 : 0;
        }
        return days;
    }

    public int painDays() {
        int days = 0;
        for (DayFigures day : byWeekday) {
            days += day != null && day.painReports() > 0 ? 1 : 0;
        }
        return days;
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
        return other instanceof WeekFigures that && week.equals(that.week) && Arrays.equals(byWeekday, that.byWeekday);
    }

    @Override
    public int hashCode() {
        return 31 * week.hashCode() + Arrays.hashCode(byWeekday);
    }

    @Override
    public String toString() {
        return "WeekFigures[" + week + ", " + days() + "]";
    }
}
