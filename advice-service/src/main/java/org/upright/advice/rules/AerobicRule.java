package org.upright.advice.rules;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.upright.advice.totals.IsoWeek;
import org.upright.advice.totals.WeekFigures;
import org.upright.events.AdviceIssued;
import org.upright.events.Severity;

/** {@code cdc-aerobic}: a week under the CDC's aerobic target gets a pacing nudge with what remains. */
@ApplicationScoped
public class AerobicRule {

    public static final String ID = "cdc-aerobic";
    static final AdviceIssued.Source SOURCE = Source.cdc("Key Guidelines for Adults",
            "Adults should do at least 150 minutes of moderate or 75 minutes of vigorous aerobic activity a week, "
                    + "or an equivalent mix; a vigorous minute counts as two moderate ones.");

    private final RulesConfig config;

    public AerobicRule(RulesConfig config) {
        this.config = config;
    }

    public Optional<AdviceDraft> evaluate(IsoWeek week, WeekFigures figures) {
        double target = config.aerobic().weeklyModerateMinutes();
        double done = figures.moderateEquivalentMinutes();
        if (done >= target) {
            return Optional.empty();
        }
        long remainingModerate = (long) Math.ceil(target - done);
        long remainingVigorous = (long) Math.ceil((target - done) / 2);
        String message = "So far this week: %d of the %d moderate-intensity minutes the CDC recommends. "
                .formatted(Math.round(Math.floor(done)), Math.round(target))
                + "%d more moderate minutes, or %d vigorous, will get you there.".formatted(remainingModerate, remainingVigorous);
        return Optional.of(new AdviceDraft(ID, week.toString(), Severity.INFO, message, done, target, "min/wk", SOURCE));
    }
}
