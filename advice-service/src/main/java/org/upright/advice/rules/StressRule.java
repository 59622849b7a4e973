package org.upright.advice.rules;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Optional;
import org.upright.advice.totals.DayFigures;
import org.upright.events.AdviceIssued;
import org.upright.events.Severity;

/** {@code stress-high}: more high-stress minutes in one day than the threshold; once per day. */
@ApplicationScoped
public class StressRule implements Rule {

    public static final String ID = "stress-high";
    static final AdviceIssued.Source SOURCE = Source.article("Causes: stress and anxiety; Prevention",
            "Under stress people often tense their muscles without noticing; managing stress, with meditation or "
                    + "deep breathing for example, helps prevent that.");

    private final RulesConfig config;

    public StressRule(RulesConfig config) {
        this.config = config;
    }

    @Override
    public Description description() {
        return new Description(ID, "A stressful day",
                "more than %d minutes in one day at a stress level of %d or more".formatted(limit(), config.stress().highLevel()),
                Severity.WARNING, SOURCE);
    }

    public Optional<AdviceDraft> evaluate(LocalDate day, DayFigures figures) {
        double minutes = figures.highStressSeconds() / 60.0;
        if (minutes <= limit()) {
            return Optional.empty();
        }
        String message = ("%s of high stress on %s. Stress makes many people tense their back without noticing: "
                + "try a few minutes of slow, deep breathing or meditation, and loosen your shoulders and back.")
                .formatted(Minutes.hoursAndMinutes(minutes), LongDayRule.DAY.format(day));
        return Optional.of(new AdviceDraft(ID, day.toString(), day.toString(), Severity.WARNING, message,
                Math.round(minutes), limit(), "min/d", SOURCE));
    }

    private int limit() {
        return config.stress().dailyHighMinutes();
    }
}
