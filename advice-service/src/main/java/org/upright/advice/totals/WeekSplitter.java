package org.upright.advice.totals;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Splits an interval at the week boundaries (Monday 00:00) of a time zone, so each week gets
 * exactly its own share, across daylight-saving changes too.
 */
public final class WeekSplitter {

    private WeekSplitter() {
    }

    /** The seconds of [start, end) that fall in each ISO week of {@code zone}, in week order. */
    public static Map<IsoWeek, Duration> split(Instant start, Instant end, ZoneId zone) {
        Map<IsoWeek, Duration> shares = new LinkedHashMap<>();
        Instant from = start;
        while (from.isBefore(end)) {
            IsoWeek week = IsoWeek.of(from.atZone(zone).toLocalDate());
            Instant weekEnd = ZonedDateTime.of(week.next().monday().atStartOfDay(), zone).toInstant();
            Instant to = weekEnd.isBefore(end) ? weekEnd : end;
            shares.merge(week, Duration.between(from, to), Duration::plus);
            from = to;
        }
        return shares;
    }
}
