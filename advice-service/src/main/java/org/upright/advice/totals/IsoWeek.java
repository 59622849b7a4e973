package org.upright.advice.totals;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An ISO-8601 week (Monday to Sunday), written {@code 2026-W48}. */
public record IsoWeek(int year, int week) {

    private static final Pattern FORMAT = Pattern.compile("(\\d{4})-W(\\d{2})");

    public IsoWeek {
        LocalDate probe = LocalDate.of(year, 6, 1);
        long weeksInYear = probe.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum();
        if (week < 1 || week > weeksInYear) {
            throw new IllegalArgumentException(year + " has no ISO week " + week);
        }
    }

    public static IsoWeek of(LocalDate date) {
        return new IsoWeek(date.get(IsoFields.WEEK_BASED_YEAR), date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** @throws IllegalArgumentException when the text is not a week such as 2026-W48 */
    public static IsoWeek parse(String text) {
        Matcher matcher = FORMAT.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not an ISO week such as 2026-W48");
        }
        return new IsoWeek(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
    }

    public LocalDate monday() {
        return LocalDate.of(year, 6, 1)
                .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    public IsoWeek next() {
        return of(monday().plusWeeks(1));
    }

    public IsoWeek minus(int weeks) {
        return of(monday().minusWeeks(weeks));
    }

    public LocalDate sunday() {
        return monday().plusDays(6);
    }

    @Override
    public String toString() {
        // on every batch's hot path: plain concatenation, not a format string
        return year + (week < 10 ? "-W0" : "-W") + week;
    }
}
