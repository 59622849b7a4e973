package org.upright.advice.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.upright.advice.totals.DayFigures;
import org.upright.advice.totals.IsoWeek;
import org.upright.advice.totals.WeekFigures;

class AerobicRuleTest {

    private final AerobicRule rule = new AerobicRule(TestRules.defaults());

    @ParameterizedTest(name = "{0} moderate + {1} vigorous")
    @CsvSource({
        // moderate, vigorous -> moderate-equivalent, remaining moderate, remaining vigorous (0 = no advice)
        "0,    0,   0,   150, 75",
        "110,  0,   110, 40,  20",
        "30,   10,  50,  100, 50",
        "0,    74,  148, 2,   1",
        "0,    75,  150, 0,   0",
        "150,  0,   150, 0,   0",
        "100,  30,  160, 0,   0",
        "149.5, 0,  149.5, 1, 1",
    })
    void verdictCountsAVigorousMinuteAsTwo(double moderate, double vigorous, double equivalent, long remainingModerate, long remainingVigorous) {
        Optional<AdviceDraft> advice = rule.verdict(week(moderate, vigorous));

        if (remainingModerate == 0) {
            assertTrue(advice.isEmpty());
            return;
        }
        AdviceDraft draft = advice.orElseThrow();
        assertEquals("cdc-aerobic", draft.ruleId());
        assertEquals("2026-W48", draft.cause());
        assertEquals("2026-W48", draft.period());
        assertEquals(equivalent, draft.figure());
        assertEquals(150.0, draft.target());
        assertTrue(draft.message().contains(remainingModerate + " more moderate minutes, or " + remainingVigorous + " vigorous"),
                draft.message());
        assertEquals(Source.CDC_GUIDELINES, draft.source().document());
    }

    @ParameterizedTest(name = "{0} done on {1}: {2} a day")
    @CsvSource({
        "60,  2026-11-26, 90, 23",   // Thursday: four days left
        "0,   2026-11-29, 150, 150", // Sunday: one day left
        "140, 2026-11-23, 10, 2",
    })
    void pacingSpreadsWhatRemainsOverTheDaysLeft(double moderate, LocalDate today, long remaining, long perDay) {
        AdviceDraft draft = rule.pacing(week(moderate, 0), today).orElseThrow();
        assertEquals("2026-W48/pacing", draft.cause());
        assertTrue(draft.message().contains(remaining + " more moderate minutes"), draft.message());
        assertTrue(draft.message().contains("about " + perDay + " a day"), draft.message());
    }

    @ParameterizedTest(name = "target {0}")
    @CsvSource({"150, 149, true", "150, 150, false", "300, 200, true"})
    void theTargetIsConfiguration(int target, double moderate, boolean advised) {
        AerobicRule configured = new AerobicRule(TestRules.with(Map.of("upright.rules.aerobic.weekly-moderate-minutes", "" + target)));
        assertEquals(advised, configured.verdict(week(moderate, 0)).isPresent());
    }

    static WeekFigures week(double moderateMinutes, double vigorousMinutes) {
        DayFigures day = new DayFigures(Math.round(moderateMinutes * 60), Math.round(vigorousMinutes * 60), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        return new WeekFigures(IsoWeek.parse("2026-W48"), Map.of(LocalDate.parse("2026-11-24"), day));
    }
}
