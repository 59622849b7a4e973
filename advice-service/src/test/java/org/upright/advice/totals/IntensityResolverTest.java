package org.upright.advice.totals;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.upright.events.ActivityEvent;
import org.upright.events.EventType;
import org.upright.events.Intensity;

class IntensityResolverTest {

    @ParameterizedTest(name = "{0} METs is {1}")
    @CsvSource({"0.0, LIGHT", "2.9, LIGHT", "2.99, LIGHT", "3.0, MODERATE", "4.3, MODERATE", "5.9, MODERATE",
        "5.99, MODERATE", "6.0, VIGOROUS", "9.8, VIGOROUS", "25.0, VIGOROUS"})
    void metsFollowTheCdcBands(double mets, Intensity expected) {
        assertEquals(expected, IntensityResolver.resolve(event("walking", null, mets)));
    }

    @ParameterizedTest(name = "{0} stated {1} with {2} METs is {3}")
    @CsvSource(nullValues = "null", value = {
        "running, LIGHT, 9.8, LIGHT",          // what the device states wins over METs
        "yoga, VIGOROUS, null, VIGOROUS",      // and over the activity table
        "walking, null, 7.0, VIGOROUS",        // METs win over the activity table
        "walking, null, null, MODERATE",       // table: 3.5 METs
        "running, null, null, VIGOROUS",       // table: 9.8 METs
        "yoga, null, null, LIGHT",             // table: 2.5 METs
        "Cycling, null, null, VIGOROUS",       // the table ignores case
        "strength-training, null, null, MODERATE",
        "underwater-chess, null, null, LIGHT", // unknown and nothing stated: not counted as aerobic
    })
    void resolvesInTheDocumentedOrder(String activity, Intensity stated, Double mets, Intensity expected) {
        assertEquals(expected, IntensityResolver.resolve(event(activity, stated, mets)));
    }

    private static ActivityEvent event(String activity, Intensity intensity, Double mets) {
        OffsetDateTime start = OffsetDateTime.parse("2026-11-24T07:00:00+01:00");
        return new ActivityEvent(UUID.randomUUID(), "u", "test", EventType.EXERCISE, start, start.plusMinutes(30), null,
                activity, intensity, mets, null, null, null, null, null, null, null, null, null);
    }
}
