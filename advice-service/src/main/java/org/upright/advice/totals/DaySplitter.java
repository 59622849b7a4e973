package org.upright.advice.totals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Splits an interval at local midnights, so each day (and so each ISO week) gets exactly its own
 * share, across daylight-saving changes too: a local day may last 23 or 25 hours.
 */
public final class DaySplitter {

    private DaySplitter() {
    }

    /** The part of [start, end) that falls on each local day of {@code zone}, in day order. */
    public static Map<LocalDate, Duration> split(Instant start, Instant end, ZoneId zone) {
        Map<LocalDate, Duration> shares = new LinkedHashMap<>();
        Instant from = start;
        while (from.isBefore(end)) {
            LocalDate day = from.atZone(zone).toLocalDate();
            Instant nextMidnight = day.plusDays(1).atStartOfDay(zone).toInstant();
            Instant to = nextMidnight.isBefore(end) ? nextMidnight : end;
            shares.merge(day, Duration.between(from, to), Duration::plus);
            from = to;
        }
        return shares;
    }
}
