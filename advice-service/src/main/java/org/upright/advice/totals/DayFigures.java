package org.upright.advice.totals;

/**
 * What one person did on one local day, or what one event adds to it. Durations are whole seconds
 * so that sums stay exact; the longest bout and the worst pain are maxima, everything else adds up.
 */
public record DayFigures(
        long moderateSeconds,
        long vigorousSeconds,
        int strengthSessions,
        long sittingSeconds,
        long longestBoutSeconds,
        int longBouts,
        int stretchBreaks,
        long postureSeconds,
        long poorPostureSeconds,
        long highStressSeconds,
        int painReports,
        int maxPainSeverity) {

    public static final DayFigures NONE = new DayFigures(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public DayFigures plus(DayFigures other) {
        return new DayFigures(
                moderateSeconds + other.moderateSeconds,
                vigorousSeconds + other.vigorousSeconds,
                strengthSessions + other.strengthSessions,
                sittingSeconds + other.sittingSeconds,
                Math.max(longestBoutSeconds, other.longestBoutSeconds),
                longBouts + other.longBouts,
                stretchBreaks + other.stretchBreaks,
                postureSeconds + other.postureSeconds,
                poorPostureSeconds + other.poorPostureSeconds,
                highStressSeconds + other.highStressSeconds,
                painReports + other.painReports,
                Math.max(maxPainSeverity, other.maxPainSeverity));
    }

    static DayFigures moderate(long seconds) {
        return new DayFigures(seconds, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    static DayFigures vigorous(long seconds) {
        return new DayFigures(0, seconds, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    static DayFigures strengthSession() {
        return new DayFigures(0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    static DayFigures sitting(long seconds) {
        return new DayFigures(0, 0, 0, seconds, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    static DayFigures bout(long seconds, boolean long_) {
        return new DayFigures(0, 0, 0, 0, seconds, long_ ? 1 : 0, 0, 0, 0, 0, 0, 0);
    }

    static DayFigures stretchBreak() {
        return new DayFigures(0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0);
    }

    static DayFigures posture(long seconds, boolean poor) {
        return new DayFigures(0, 0, 0, 0, 0, 0, 0, seconds, poor ? seconds : 0, 0, 0, 0);
    }

    static DayFigures highStress(long seconds) {
        return new DayFigures(0, 0, 0, 0, 0, 0, 0, 0, 0, seconds, 0, 0);
    }

    static DayFigures pain(int severity) {
        return new DayFigures(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, severity);
    }
}
