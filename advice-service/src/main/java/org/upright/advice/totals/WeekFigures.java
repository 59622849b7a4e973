package org.upright.advice.totals;

/**
 * A week's aerobic minutes. The CDC counts a vigorous minute as two moderate ones, so the
 * moderate-equivalent total is what the 150-minute target is compared with.
 */
public record WeekFigures(double moderateMinutes, double vigorousMinutes) {

    public static final WeekFigures NONE = new WeekFigures(0, 0);

    public double moderateEquivalentMinutes() {
        return moderateMinutes + 2 * vigorousMinutes;
    }
}
