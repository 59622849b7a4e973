package org.upright.advice.rules;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.upright.advice.totals.WeekFigures;
import org.upright.events.AdviceIssued;
import org.upright.events.Severity;

/**
 * {@code stay-active}: after pain, activity dropped well below what it was before the pain. Judged
 * once a week is over, for the week after (or with) the pain; once per week.
 */
@ApplicationScoped
public class StayActiveRule implements Rule {

    public static final String ID = "stay-active";
    static final AdviceIssued.Source SOURCE = Source.article("Outlook",
            "Back spasms lead some people to stop exercising, which makes them worse; staying active and trying "
                    + "home treatments is the best way to deal with them, and a doctor should see pain that does not go away.");

    private final RulesConfig config;

    public StayActiveRule(RulesConfig config) {
        this.config = config;
    }

    @Override
    public Description description() {
        return new Description(ID, "Staying active after pain",
                ("pain in a week or the week before it, and that week's moderate-equivalent minutes below %d %% of the weekly average "
                        + "of the %d weeks before the pain")
                        .formatted(Minutes.percent(config.stayActive().dropShare()), config.overuse().baselineWeeks()),
                Severity.INFO, SOURCE);
    }

    /**
     * @param week      the week just over
     * @param painWeek  the first of that week and the one before it with pain, if either had any
     * @param beforePain the weeks before {@code painWeek}, as many as the baseline needs
     */
    public Optional<AdviceDraft> evaluate(WeekFigures week, Optional<WeekFigures> painWeek, List<WeekFigures> beforePain) {
        if (painWeek.isEmpty()) {
            return Optional.empty();
        }
        double baseline = beforePain.stream().mapToDouble(WeekFigures::moderateEquivalentMinutes).sum() / config.overuse().baselineWeeks();
        double load = week.moderateEquivalentMinutes();
        double floor = config.stayActive().dropShare() * baseline;
        if (baseline < config.overuse().minimumBaselineMinutes() || load >= floor) {
            return Optional.empty();
        }
        String message = ("Since your pain in week %s you were active for %d minutes last week, down from about %d a week before it. "
                + "Staying active, gently, is the best way to deal with back spasms: short walks and light stretching count. "
                + "If the pain does not go away, see a doctor.")
                .formatted(painWeek.get().week(), Minutes.whole(load), Minutes.whole(baseline));
        String id = week.week().toString();
        return Optional.of(new AdviceDraft(ID, id, id, Severity.INFO, message, Math.round(load), Math.round(floor), "min/wk", SOURCE));
    }
}
