package org.upright.advice.totals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class WeekFiguresTest {

    private static final IsoWeek W53 = IsoWeek.parse("2026-W53");

    @Test
    void aWeekTakesItsOwnDaysFromARunAndLeavesTheRestOut() {
        TreeMap<LocalDate, DayFigures> run = new TreeMap<>(Map.of(
                LocalDate.parse("2026-12-27"), DayFigures.moderate(600),        // the Sunday before
                LocalDate.parse("2026-12-28"), DayFigures.strengthSession(),     // Monday
                LocalDate.parse("2027-01-01"), DayFigures.pain(4),               // Friday, in the next year
                LocalDate.parse("2027-01-03"), DayFigures.moderate(1200),        // Sunday
                LocalDate.parse("2027-01-04"), DayFigures.vigorous(900)));       // the Monday after

        WeekFigures week = WeekFigures.of(W53, run);

        assertEquals(List.of(LocalDate.parse("2026-12-28"), LocalDate.parse("2027-01-01"), LocalDate.parse("2027-01-03")),
                List.copyOf(week.days().keySet()));
        assertEquals(20.0, week.moderateEquivalentMinutes());
        assertEquals(1, week.strengthDays());
        assertEquals(1, week.painDays());
    }

    @Test
    void aDayOutsideTheWeekIsRefused() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new WeekFigures(W53, Map.of(LocalDate.parse("2027-01-04"), DayFigures.moderate(60))));
        assertEquals("2027-01-04 is not in 2026-W53", refused.getMessage());
    }

    @Test
    void weeksAreEqualWhenTheirDaysAre() {
        Map<LocalDate, DayFigures> days = Map.of(LocalDate.parse("2026-12-30"), DayFigures.sitting(3600));

        assertEquals(new WeekFigures(W53, days), new WeekFigures(W53, days));
        assertEquals(new WeekFigures(W53, days).hashCode(), new WeekFigures(W53, days).hashCode());
        assertNotEquals(new WeekFigures(W53, days), new WeekFigures(W53, Map.of(LocalDate.parse("2026-12-31"), DayFigures.sitting(3600))));
        assertNotEquals(new WeekFigures(W53, days), new WeekFigures(W53, Map.of()));
    }
}
