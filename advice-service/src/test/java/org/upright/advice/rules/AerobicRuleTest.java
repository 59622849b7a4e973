package org.upright.advice.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.upright.advice.totals.IsoWeek;
import org.upright.advice.totals.WeekFigures;

class AerobicRuleTest {

    private final AerobicRule rule = new AerobicRule(() -> () -> 150);

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
    void remainingMinutesCountAVigorousMinuteAsTwo(double moderate, double vigorous, double equivalent,
                                                   long remainingModerate, long remainingVigorous) {
        Optional<AdviceDraft> advice = rule.evaluate(IsoWeek.parse("2026-W48"), new WeekFigures(moderate, vigorous));

        if (remainingModerate == 0) {
            assertTrue(advice.isEmpty());
            return;
        }
        AdviceDraft draft = advice.orElseThrow();
        assertEquals("cdc-aerobic", draft.ruleId());
        assertEquals("2026-W48", draft.period());
        assertEquals(equivalent, draft.figure());
        assertEquals(150.0, draft.target());
        assertTrue(draft.message().contains(remainingModerate + " more moderate minutes, or " + remainingVigorous + " vigorous"),
                draft.message());
        assertEquals(Source.CDC_GUIDELINES, draft.source().document());
    }
}
