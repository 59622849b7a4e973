package org.upright.advice.totals;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Year;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An ISO-8601 week (Monday to Sunday), written {@code 2026-W48}. */
public record IsoWeek(int year, int week) {

    private static final Pattern FORMAT = Pattern.compile("(\\d{4})-W(\\d{2})");

    public IsoWeek {
        if (week < 1 || week > weeksIn(year)) {
            throw new IllegalArgumentException(year + " has no ISO week " + week);
        }
    }

    /*
     * Weeks are worked out by hand: on every batch's hot path, java.time's IsoFields took a tenth of
     * the rules' time (JFR, bench/run-advice). IsoWeekTest checks every day of forty years against it.
     */
    public static IsoWeek of(LocalDate date) {
        // a week belongs to the year its Thursday is in
        LocalDate thursday = date.plusDays(DayOfWeek.THURSDAY.getValue() - date.getDayOfWeek().getValue());
        return new IsoWeek(thursday.getYear(), (thursday.getDayOfYear() - 1) / 7 + 1);
    }

    /** 53 when the year starts on a Thursday, or on a Wednesday in a leap year; else 52. */
    static int weeksIn(int year) {
        DayOfWeek january1 = LocalDate.of(year, 1, 1).getDayOfWeek();
        return january1 == DayOfWeek.THURSDAY || (Year.isLeap(year) && january1 == DayOfWeek.WEDNESDAY) ? 53 : 52;
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
        LocalDate january4 = LocalDate.of(year, 1, 4); // always in week 1
        return january4.minusDays(january4.getDayOfWeek().getValue() - 1L).plusWeeks(week - 1L);
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
