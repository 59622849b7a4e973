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
        assertEquals(expected, IntensityResolver.resolve(event("walking", null, mets), null));
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
        assertEquals(expected, IntensityResolver.resolve(event(activity, stated, mets), null));
    }

    @ParameterizedTest(name = "{0} bpm at birth year {1} is {2}")
    @CsvSource(nullValues = "null", value = {
        // born 1986: 40 in 2026, maximum 180; moderate from 64 % (115.2), vigorous from 77 % (138.6)
        "115, 1986, LIGHT",
        "116, 1986, MODERATE",
        "138, 1986, MODERATE",
        "139, 1986, VIGOROUS",
        "168, 1986, VIGOROUS",   // 93 %: the top of the vigorous band
        "190, 1986, VIGOROUS",   // above the band is still vigorous
        // born 1956: 70, maximum 150: 100 bpm is 66.7 %, moderate; 116 is 77.3 %, vigorous
        "100, 1956, MODERATE",
        "116, 1956, VIGOROUS",
        // no birth year: the heart rate says nothing, and walking's table METs (3.5) decide
        "190, null, MODERATE",
    })
    void heartRateCountsAgainst220MinusAge(int heartRate, Integer birthYear, Intensity expected) {
        assertEquals(expected, IntensityResolver.resolve(withHeartRate("walking", heartRate), birthYear));
    }

    @ParameterizedTest(name = "{0}: METs {1} beat heart rate")
    @CsvSource({"walking, 2.0, LIGHT", "yoga, 6.5, VIGOROUS"})
    void metsComeBeforeHeartRate(String activity, double mets, Intensity expected) {
        ActivityEvent event = withHeartRate(activity, 175);
        ActivityEvent withMets = new ActivityEvent(event.eventId(), "u", "test", EventType.EXERCISE, event.start(), event.end(), null,
                activity, null, mets, 175, null, null, null, null, null, null, null, null);
        assertEquals(expected, IntensityResolver.resolve(withMets, 1986));
    }

    private static ActivityEvent withHeartRate(String activity, int heartRate) {
        OffsetDateTime start = OffsetDateTime.parse("2026-11-24T07:00:00+01:00");
        return new ActivityEvent(UUID.randomUUID(), "u", "test", EventType.EXERCISE, start, start.plusMinutes(30), null,
                activity, null, null, heartRate, null, null, null, null, null, null, null, null);
    }

    private static ActivityEvent event(String activity, Intensity intensity, Double mets) {
        OffsetDateTime start = OffsetDateTime.parse("2026-11-24T07:00:00+01:00");
        return new ActivityEvent(UUID.randomUUID(), "u", "test", EventType.EXERCISE, start, start.plusMinutes(30), null,
                activity, intensity, mets, null, null, null, null, null, null, null, null, null);
    }
}
