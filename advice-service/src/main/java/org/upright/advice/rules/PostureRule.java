package org.upright.advice.rules;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.OptionalDouble;
import org.upright.advice.totals.WeekFigures;
import org.upright.events.AdviceIssued;
import org.upright.events.Severity;

/** {@code posture-poor}: poor posture for more than its share (30 % by default) of the week's sitting time; once per week. */
@ApplicationScoped
public class PostureRule implements Rule {

    public static final String ID = "posture-poor";
    static final AdviceIssued.Source SOURCE = Source.article("Causes: poor posture",
            "Poor posture, at a desk or in a car especially, strains the back muscles and can bring on spasms; "
                    + "good posture eases the pain that comes with long sitting.");

    private final RulesConfig config;

    public PostureRule(RulesConfig config) {
        this.config = config;
    }

    @Override
    public Description description() {
        return new Description(ID, "Poor posture while sitting",
                "poor posture (%s) for more than %d %% of the week's sitting time, once at least %d minutes were recorded"
                        .formatted(String.join(", ", config.posture().poor()), Minutes.percent(config.posture().poorShare()),
                                config.posture().minimumSittingMinutes()),
                Severity.WARNING, SOURCE);
    }

    public Optional<AdviceDraft> evaluate(WeekFigures figures) {
        OptionalDouble share = figures.poorPostureShare();
        double observed = Math.max(figures.sittingMinutes(), figures.total().postureSeconds() / 60.0);
        if (share.isEmpty() || share.getAsDouble() <= config.posture().poorShare() || observed < config.posture().minimumSittingMinutes()) {
            return Optional.empty();
        }
        String week = figures.week().toString();
        String message = ("Your posture was poor for %d %% of your sitting time this week. Sit upright with your back supported, "
                + "and change position often: poor posture strains the back muscles.").formatted(Minutes.percent(share.getAsDouble()));
        return Optional.of(new AdviceDraft(ID, week, week, Severity.WARNING, message,
                Minutes.percent(share.getAsDouble()), Minutes.percent(config.posture().poorShare()), "% of sitting", SOURCE));
    }
}
