package org.upright.advice.totals;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DaySplitterTest {

    @ParameterizedTest(name = "{0} to {1} in {2}")
    @CsvSource(delimiter = '|', value = {
        // inside one day
        "2026-11-24T07:00:00Z | 2026-11-24T07:30:00Z | UTC              | 2026-11-24=30",
        // across midnight
        "2026-11-24T23:30:00Z | 2026-11-25T00:30:00Z | UTC              | 2026-11-24=30 2026-11-25=30",
        // the same instants in Berlin are both on the 25th
        "2026-11-24T23:30:00Z | 2026-11-25T00:30:00Z | Europe/Berlin    | 2026-11-25=60",
        // west of UTC: New York's midnight is 05:00 UTC
        "2026-11-30T04:30:00Z | 2026-11-30T05:30:00Z | America/New_York | 2026-11-29=30 2026-11-30=30",
        // east: Tokyo's midnight is 15:00 UTC the day before
        "2026-11-29T14:00:00Z | 2026-11-29T16:00:00Z | Asia/Tokyo       | 2026-11-29=60 2026-11-30=60",
        // a half-hour zone: India's midnight is 18:30 UTC
        "2026-11-24T18:00:00Z | 2026-11-24T19:00:00Z | Asia/Kolkata     | 2026-11-24=30 2026-11-25=30",
        // across the year's end
        "2026-12-31T23:00:00Z | 2027-01-01T01:00:00Z | UTC              | 2026-12-31=60 2027-01-01=60",
        // 24 hours from noon to noon: two halves
        "2026-11-29T12:00:00Z | 2026-11-30T12:00:00Z | UTC              | 2026-11-29=720 2026-11-30=720",
        // Berlin leaves DST on Sunday 25 October 2026: that local day has 25 hours
        "2026-10-24T22:00:00Z | 2026-10-25T23:00:00Z | Europe/Berlin    | 2026-10-25=1500",
        // and enters it on Sunday 29 March 2026: 23 hours
        "2026-03-28T23:00:00Z | 2026-03-29T22:00:00Z | Europe/Berlin    | 2026-03-29=1380",
        // a bout across the spring-forward night still splits at local midnight
        "2026-03-29T21:00:00Z | 2026-03-29T23:00:00Z | Europe/Berlin    | 2026-03-29=60 2026-03-30=60",
        // an empty interval has no share
        "2026-11-24T07:00:00Z | 2026-11-24T07:00:00Z | UTC              | ''",
    })
    void eachDayGetsExactlyItsShare(Instant start, Instant end, ZoneId zone, String expected) {
        Map<String, Long> minutes = new LinkedHashMap<>();
        DaySplitter.split(start, end, zone).forEach((day, share) -> minutes.put(day.toString(), share.toMinutes()));

        Map<String, Long> wanted = new LinkedHashMap<>();
        if (!expected.isBlank()) {
            for (String part : expected.trim().split(" ")) {
                String[] dayAndMinutes = part.split("=");
                wanted.put(dayAndMinutes[0], Long.parseLong(dayAndMinutes[1]));
            }
        }
        assertEquals(wanted, minutes);
    }
}
