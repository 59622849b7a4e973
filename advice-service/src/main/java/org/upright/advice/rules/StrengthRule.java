package org.upright.advice.rules;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.upright.advice.totals.WeekFigures;
import org.upright.events.AdviceIssued;
import org.upright.events.Severity;

/** {@code cdc-strength}: fewer days with muscle-strengthening than the CDC's two; mid-week and at the week's end. */
@ApplicationScoped
public class StrengthRule implements Rule {

    public static final String ID = "cdc-strength";
    static final AdviceIssued.Source SOURCE = Source.cdc("Key Guidelines for Adults",
            "Adults should also do muscle-strengthening activities of moderate or greater intensity that work all "
                    + "major muscle groups on 2 or more days a week.");

    private final RulesConfig config;

    public StrengthRule(RulesConfig config) {
        this.config = config;
    }

    @Override
    public Description description() {
        return new Description(ID, "Muscle-strengthening days",
                "fewer than %d days with muscle-strengthening in the week: mid-week with the aerobic pacing nudge, and when the week is over"
                        .formatted(target()),
                Severity.INFO, SOURCE);
    }

    public Optional<AdviceDraft> pacing(WeekFigures figures) {
        return evaluate(figures, "/pacing", "So far this week: muscle-strengthening on %d of the %d days the CDC recommends. "
                + "Plan a session (weights, resistance bands, or body-weight exercises such as push-ups) before Sunday.");
    }

    public Optional<AdviceDraft> verdict(WeekFigures figures) {
        return evaluate(figures, "", "Last week: muscle-strengthening on %d of the %d days the CDC recommends. "
                + "Muscles that are not used grow weak, and a weak back is more prone to spasms: plan your sessions for this week.");
    }

    private Optional<AdviceDraft> evaluate(WeekFigures figures, String causeSuffix, String template) {
        int days = figures.strengthDays();
        if (days >= target()) {
            return Optional.empty();
        }
        String week = figures.week().toString();
        return Optional.of(new AdviceDraft(ID, week + causeSuffix, week, Severity.INFO, template.formatted(days, target()),
                days, target(), "d/wk", SOURCE));
    }

    private int target() {
        return config.strength().weeklyDays();
    }
}
