package org.upright.advice.totals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IsoWeekTest {

    @ParameterizedTest(name = "{0} is in {1}")
    @CsvSource({
        "2026-11-23, 2026-W48",  // a Monday
        "2026-11-29, 2026-W48",  // the Sunday of the same week
        "2026-11-30, 2026-W49",
        "2026-01-01, 2026-W01",  // a Thursday: week 1 is the week with the year's first Thursday
        "2027-01-01, 2026-W53",  // a Friday: belongs to the last week of 2026, which has 53
        "2024-12-30, 2025-W01",  // a Monday of December in week 1 of the next year
    })
    void dateFallsInItsIsoWeek(LocalDate date, String week) {
        assertEquals(week, IsoWeek.of(date).toString());
    }

    @ParameterizedTest
    @CsvSource({"2026-W48, 2026-11-23", "2026-W01, 2025-12-29", "2026-W53, 2026-12-28", "2025-W01, 2024-12-30"})
    void weekStartsOnItsMonday(String week, LocalDate monday) {
        assertEquals(monday, IsoWeek.parse(week).monday());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-48", "2026-W0", "2026-W00", "2025-W53", "W48", "2026-w48", ""})
    void malformedOrImpossibleWeekIsRefused(String text) {
        assertThrows(IllegalArgumentException.class, () -> IsoWeek.parse(text));
    }

    @ParameterizedTest
    @CsvSource({"2026-W52, 2026-W53", "2026-W53, 2027-W01", "2025-W52, 2026-W01"})
    void nextWeekCrossesYearEnds(String week, String next) {
        assertEquals(next, IsoWeek.parse(week).next().toString());
    }

    @Test
    void everyDayOfFortyYearsIsInTheWeekJavaTimeGivesIt() {
        for (LocalDate day = LocalDate.of(2000, 1, 1); day.getYear() < 2040; day = day.plusDays(1)) {
            IsoWeek week = IsoWeek.of(day);
            assertEquals(day.get(IsoFields.WEEK_BASED_YEAR), week.year(), day::toString);
            assertEquals(day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), week.week(), day::toString);
            assertEquals(day.with(DayOfWeek.MONDAY), week.monday(), day::toString);
        }
        for (int year = 2000; year < 2040; year++) {
            assertEquals(LocalDate.of(year, 6, 1).range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum(), IsoWeek.weeksIn(year), "weeks in " + year);
        }
    }
}
