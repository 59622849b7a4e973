package org.upright.advice.totals;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WeekSplitterTest {

    @ParameterizedTest(name = "{0} to {1} in {2}")
    @CsvSource(delimiter = '|', value = {
        // inside one week
        "2026-11-24T07:00:00Z | 2026-11-24T07:30:00Z | UTC              | 2026-W48=30",
        // across midnight, same week
        "2026-11-24T23:30:00Z | 2026-11-25T00:30:00Z | UTC              | 2026-W48=60",
        // across the week's end in UTC
        "2026-11-29T23:30:00Z | 2026-11-30T00:30:00Z | UTC              | 2026-W48=30 2026-W49=30",
        // the same instants, but Berlin's week ended an hour earlier
        "2026-11-29T23:30:00Z | 2026-11-30T00:30:00Z | Europe/Berlin    | 2026-W49=60",
        // west of UTC: New York's Sunday evening is still week 48
        "2026-11-30T04:30:00Z | 2026-11-30T05:30:00Z | America/New_York | 2026-W48=30 2026-W49=30",
        // east: Tokyo's week 49 starts at Sunday 15:00 UTC
        "2026-11-29T14:00:00Z | 2026-11-29T16:00:00Z | Asia/Tokyo       | 2026-W48=60 2026-W49=60",
        // across the year end into week 53 and out of it
        "2027-01-03T23:00:00Z | 2027-01-04T01:00:00Z | UTC              | 2026-W53=60 2027-W01=60",
        // a 24-hour bout over a week end spans two weeks exactly
        "2026-11-29T12:00:00Z | 2026-11-30T12:00:00Z | UTC              | 2026-W48=720 2026-W49=720",
        // DST in Berlin ends on Sunday 25 October 2026: the local night has an extra hour, the week's end none
        "2026-10-24T22:00:00Z | 2026-10-25T04:00:00Z | Europe/Berlin    | 2026-W43=360",
        // DST starts on Sunday 29 March 2026; the split still falls on Monday 00:00 local (22:00 UTC)
        "2026-03-29T21:00:00Z | 2026-03-29T23:00:00Z | Europe/Berlin    | 2026-W13=60 2026-W14=60",
        // an empty interval has no share
        "2026-11-24T07:00:00Z | 2026-11-24T07:00:00Z | UTC              | ''",
    })
    void eachWeekGetsExactlyItsShare(Instant start, Instant end, ZoneId zone, String expected) {
        Map<String, Long> minutes = new LinkedHashMap<>();
        WeekSplitter.split(start, end, zone).forEach((week, share) -> minutes.put(week.toString(), share.toMinutes()));

        Map<String, Long> wanted = new LinkedHashMap<>();
        if (!expected.isBlank()) {
            for (String part : expected.trim().split(" ")) {
                String[] weekAndMinutes = part.split("=");
                wanted.put(weekAndMinutes[0], Long.parseLong(weekAndMinutes[1]));
            }
        }
        assertEquals(wanted, minutes);
    }

    @ParameterizedTest
    @CsvSource({"UTC", "Europe/Berlin", "America/Los_Angeles", "Australia/Lord_Howe", "Asia/Kathmandu"})
    void sharesAlwaysAddUpToTheWholeInterval(ZoneId zone) {
        Instant start = Instant.parse("2026-03-25T05:17:00Z");
        Instant end = Instant.parse("2026-04-14T19:43:00Z");

        Duration total = WeekSplitter.split(start, end, zone).values().stream().reduce(Duration.ZERO, Duration::plus);

        assertEquals(Duration.between(start, end), total);
    }
}
