package org.upright.advice.rules;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.upright.advice.totals.WeekFigures;
import org.upright.events.AdviceIssued;
import org.upright.events.Severity;

/**
 * {@code overuse-spike}: a week's load (moderate-equivalent minutes) well above the weeks before it,
 * once per week; or an activity the person has never recorded, once per activity.
 */
@ApplicationScoped
public class OveruseRule implements Rule {

    public static final String ID = "overuse-spike";
    static final AdviceIssued.Source SOURCE = Source.article("Causes: overuse",
            "Overusing a muscle can bring on spasms for a few days, and soreness after exercise (DOMS) is common, "
                    + "especially with an exercise that is new to the person.");

    private final RulesConfig config;

    public OveruseRule(RulesConfig config) {
        this.config = config;
    }

    @Override
    public Description description() {
        return new Description(ID, "A sudden jump in activity, or a new exercise",
                ("this week's moderate-equivalent minutes above %.1f x the average of the %d weeks before (when that average is at least %d), "
                        + "or an activity recorded for the first time by someone who has recorded others")
                        .formatted(config.overuse().spikeRatio(), config.overuse().baselineWeeks(), config.overuse().minimumBaselineMinutes()),
                Severity.WARNING, SOURCE);
    }

    /** {@code before}: the weeks before, as many as the baseline needs; weeks with nothing recorded count as zero. */
    public Optional<AdviceDraft> spike(WeekFigures week, List<WeekFigures> before) {
        double baseline = before.stream().mapToDouble(WeekFigures::moderateEquivalentMinutes).sum() / config.overuse().baselineWeeks();
        double load = week.moderateEquivalentMinutes();
        if (baseline < config.overuse().minimumBaselineMinutes() || load <= config.overuse().spikeRatio() * baseline) {
            return Optional.empty();
        }
        String message = ("%d active minutes so far this week, %.1f times your weekly average of %d over the %d weeks before. "
                + "Build up gradually: a sudden jump can overwork muscles and bring on back spasms for a few days.")
                .formatted(Minutes.whole(load), load / baseline, Minutes.whole(baseline), config.overuse().baselineWeeks());
        String id = week.week().toString();
        return Optional.of(new AdviceDraft(ID, id, id, Severity.WARNING, message, Math.round(load),
                Math.round(config.overuse().spikeRatio() * baseline), "min/wk", SOURCE));
    }

    public AdviceDraft newActivity(String activity, LocalDate day, double minutes) {
        String message = ("Your first %s session with Upright. Start gently and build up over the next weeks; "
                + "some soreness a day or two after a new exercise (DOMS) is common.").formatted(activity.replace('-', ' '));
        return new AdviceDraft(ID, "new-activity:" + activity, day.toString(), Severity.WARNING, message,
                Math.round(minutes), 0, "min of a new activity", SOURCE);
    }
}
