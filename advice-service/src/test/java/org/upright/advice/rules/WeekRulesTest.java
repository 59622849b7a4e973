package org.upright.advice.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.upright.advice.totals.DayFigures;
import org.upright.advice.totals.IsoWeek;
import org.upright.advice.totals.WeekFigures;

/** The risk rules that judge a day or a week, at and around their thresholds. */
class WeekRulesTest {

    private static final RulesConfig DEFAULTS = TestRules.defaults();
    private static final LocalDate TUESDAY = LocalDate.parse("2026-11-24");

    @ParameterizedTest(name = "{0} min sitting -> {1}")
    @CsvSource({"480, false", "481, true", "600, true"})
    void aDayOfMoreThanEightHoursSittingIsLong(int minutes, boolean fires) {
        DayFigures day = new DayFigures(0, 0, 0, minutes * 60L, 0, 0, 0, 0, 0, 0, 0, 0);
        assertEquals(fires, new LongDayRule(DEFAULTS).evaluate(TUESDAY, day).isPresent());
    }

    @ParameterizedTest(name = "{0} high-stress min -> {1}")
    @CsvSource({"60, false", "61, true"})
    void aDayWithMoreThanAnHourOfHighStressFires(int minutes, boolean fires) {
        DayFigures day = new DayFigures(0, 0, 0, 0, 0, 0, 0, 0, 0, minutes * 60L, 0, 0);
        assertEquals(fires, new StressRule(DEFAULTS).evaluate(TUESDAY, day).isPresent());
    }

    @ParameterizedTest(name = "{0} min poor of {1} min sitting -> {2}")
    @CsvSource({"30, 100, false", "31, 100, true", "20, 50, false", "0, 0, false"})
    void poorPostureFiresAboveItsShareOnceThereIsEnoughSitting(int poor, int sitting, boolean fires) {
        DayFigures day = new DayFigures(0, 0, 0, sitting * 60L, 0, 0, 0, poor * 60L, poor * 60L, 0, 0, 0);
        assertEquals(fires, new PostureRule(DEFAULTS).evaluate(week(IsoWeek.parse("2026-W48"), day)).isPresent());
    }

    @ParameterizedTest(name = "{0} min after a baseline of {1} -> {2}")
    @CsvSource({"150, 100, false", "151, 100, true", "100, 20, false", "45, 29, false"})
    void aWeekAboveOneAndAHalfTimesItsBaselineIsASpike(int load, int baseline, boolean fires) {
        IsoWeek week = IsoWeek.parse("2026-W48");
        List<WeekFigures> before = List.of(aerobic(week.minus(4), baseline), aerobic(week.minus(3), baseline),
                aerobic(week.minus(2), baseline), aerobic(week.minus(1), baseline));
        assertEquals(fires, new OveruseRule(DEFAULTS).spike(aerobic(week, load), before).isPresent());
    }

    @ParameterizedTest(name = "{0} min after pain, {1} before -> {2}")
    @CsvSource({"49, 100, true", "50, 100, false", "0, 20, false"})
    void activityDroppingToLessThanHalfAfterPainFiresStayActive(int after, int before, boolean fires) {
        IsoWeek week = IsoWeek.parse("2026-W48");
        WeekFigures painWeek = aerobic(week.minus(1), 0);
        List<WeekFigures> beforePain = List.of(aerobic(week.minus(5), before), aerobic(week.minus(4), before),
                aerobic(week.minus(3), before), aerobic(week.minus(2), before));
        StayActiveRule rule = new StayActiveRule(DEFAULTS);
        assertEquals(fires, rule.evaluate(aerobic(week, after), Optional.of(painWeek), beforePain).isPresent());
        assertEquals(false, rule.evaluate(aerobic(week, after), Optional.empty(), beforePain).isPresent());
    }

    @ParameterizedTest(name = "a bout of {0} min with a threshold of {1} -> {2}")
    @CsvSource({"49, 50m, false", "50, 50m, true", "30, 30m, true", "25, 30m, false"})
    void aClosedBoutAtTheThresholdGetsItsBreakAdvice(int minutes, String threshold, boolean fires) {
        SittingBreakRule rule = new SittingBreakRule(TestRules.with(Map.of("upright.rules.sitting.break-after", threshold)));
        java.time.Instant start = java.time.Instant.parse("2026-11-24T08:00:00Z");
        assertEquals(fires, rule.sat("bout-1", start, start.plusSeconds(minutes * 60L)).isPresent());
    }

    private static WeekFigures aerobic(IsoWeek week, int moderateMinutes) {
        return week(week, new DayFigures(moderateMinutes * 60L, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
    }

    private static WeekFigures week(IsoWeek week, DayFigures day) {
        return new WeekFigures(week, Map.of(week.monday().plusDays(1), day));
    }
}
