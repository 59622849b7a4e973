package org.upright.advice.totals;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.upright.advice.rules.RulesConfig;

/** A week as the API shows it. Minutes are rounded to a tenth; the sums behind them are exact seconds. */
@Schema(name = "Week", example = """
        {"isoWeek": "2026-W48", "moderateMinutes": 30.0, "vigorousMinutes": 10.0, "moderateEquivalentMinutes": 50.0,
         "aerobic": {"target": 150, "met": false, "remainingModerateMinutes": 100.0, "remainingVigorousMinutes": 50.0},
         "strength": {"target": 2, "days": 1, "met": false, "remainingDays": 1},
         "sittingMinutes": 540.0, "longestBoutMinutes": 95.0, "longBouts": 3, "stretchBreaks": 4,
         "poorPostureMinutes": 120.0, "poorPostureShare": 0.22, "highStressMinutes": 45.0, "painDays": 1, "maxPainSeverity": 4,
         "days": [{"date": "2026-11-24", "moderateMinutes": 30.0, "vigorousMinutes": 0.0, "strengthSessions": 1,
                   "sittingMinutes": 540.0, "highStressMinutes": 45.0, "painReports": 1, "maxPainSeverity": 4}]}""")
public record WeekView(String isoWeek, double moderateMinutes, double vigorousMinutes, double moderateEquivalentMinutes,
                       Aerobic aerobic, Strength strength, double sittingMinutes, double longestBoutMinutes, int longBouts,
                       int stretchBreaks, double poorPostureMinutes, Double poorPostureShare, double highStressMinutes,
                       int painDays, Integer maxPainSeverity, List<Day> days) {

    /** The CDC aerobic target in moderate-equivalent minutes, and what remains in either intensity. */
    public record Aerobic(int target, boolean met, double remainingModerateMinutes, double remainingVigorousMinutes) {
    }

    /** The CDC's muscle-strengthening days. */
    public record Strength(int target, int days, boolean met, int remainingDays) {
    }

    /** One local day that has anything recorded. */
    public record Day(LocalDate date, double moderateMinutes, double vigorousMinutes, int strengthSessions, double sittingMinutes,
                      double highStressMinutes, int painReports, Integer maxPainSeverity) {
    }

    static WeekView of(WeekFigures figures, RulesConfig rules) {
        DayFigures total = figures.total();
        int aerobicTarget = rules.aerobic().weeklyModerateMinutes();
        double remaining = Math.max(0, aerobicTarget - figures.moderateEquivalentMinutes());
        int strengthTarget = rules.strength().weeklyDays();
        List<Day> days = figures.days().entrySet().stream().map(day -> new Day(day.getKey(),
                minutes(day.getValue().moderateSeconds()), minutes(day.getValue().vigorousSeconds()), day.getValue().strengthSessions(),
                minutes(day.getValue().sittingSeconds()), minutes(day.getValue().highStressSeconds()), day.getValue().painReports(),
                day.getValue().painReports() > 0 ? day.getValue().maxPainSeverity() : null)).toList();
        return new WeekView(figures.week().toString(), round(figures.moderateMinutes()), round(figures.vigorousMinutes()),
                round(figures.moderateEquivalentMinutes()),
                new Aerobic(aerobicTarget, remaining == 0, round(remaining), round(remaining / 2)),
                new Strength(strengthTarget, figures.strengthDays(), figures.strengthDays() >= strengthTarget,
                        Math.max(0, strengthTarget - figures.strengthDays())),
                minutes(total.sittingSeconds()), minutes(total.longestBoutSeconds()), total.longBouts(), total.stretchBreaks(),
                minutes(total.poorPostureSeconds()),
                figures.poorPostureShare().isPresent() ? Math.round(figures.poorPostureShare().getAsDouble() * 100) / 100.0 : null,
                minutes(total.highStressSeconds()), figures.painDays(), figures.painDays() > 0 ? total.maxPainSeverity() : null, days);
    }

    private static double minutes(long seconds) {
        return round(seconds / 60.0);
    }

    private static double round(double minutes) {
        return Math.round(minutes * 10) / 10.0;
    }
}
