package org.upright.advice.rules;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import org.upright.advice.totals.DayFigures;
import org.upright.advice.totals.WeekFigures;
import org.upright.events.AdviceIssued;
import org.upright.events.Severity;

/**
 * {@code weekly-summary}: once a week is over, its figures against both CDC targets and the risk
 * rules that fired in it. Always issued, met or not: it is the week's digest.
 */
@ApplicationScoped
public class WeeklySummaryRule implements Rule {

    public static final String ID = "weekly-summary";
    static final AdviceIssued.Source SOURCE = Source.cdc("Key Guidelines for Adults",
            "150 minutes of moderate (or 75 of vigorous) aerobic activity and muscle-strengthening on 2 days, every week.");

    private final RulesConfig config;

    public WeeklySummaryRule(RulesConfig config) {
        this.config = config;
    }

    @Override
    public Description description() {
        return new Description(ID, "The week in figures",
                "every week, on %s at %s in the person's time zone, for the week before"
                        .formatted(config.summary().day().name().toLowerCase(), config.summary().time()),
                Severity.INFO, SOURCE);
    }

    /** @param fired the ids of the risk rules that fired for this week or its days */
    public AdviceDraft summarise(WeekFigures figures, Collection<String> fired) {
        DayFigures total = figures.total();
        int aerobicTarget = config.aerobic().weeklyModerateMinutes();
        StringBuilder message = new StringBuilder("Your week %s: %d of %d aerobic minutes (moderate-equivalent, %s); "
                .formatted(figures.week(), Minutes.whole(Math.floor(figures.moderateEquivalentMinutes())), aerobicTarget,
                        figures.moderateEquivalentMinutes() >= aerobicTarget ? "target met" : "target not met"))
                .append("muscle-strengthening on %d of %d days; ".formatted(figures.strengthDays(), config.strength().weeklyDays()))
                .append("%s sitting, longest bout %d min, %s of an hour or more; "
                        .formatted(Minutes.hoursAndMinutes(figures.sittingMinutes()), total.longestBoutSeconds() / 60,
                                count(total.longBouts(), "bout")))
                .append(count(total.stretchBreaks(), "stretch break"));
        figures.poorPostureShare().ifPresent(share -> message.append("; poor posture %d %% of sitting".formatted(Minutes.percent(share))));
        if (figures.painDays() > 0) {
            message.append("; pain on %s, at worst %d of 10".formatted(count(figures.painDays(), "day"), total.maxPainSeverity()));
        }
        message.append(". ").append(fired.isEmpty() ? "No risk factors showed up." : "Risk factors that showed up: " + String.join(", ", fired) + ".");
        String week = figures.week().toString();
        return new AdviceDraft(ID, week, week, Severity.INFO, message.toString(),
                figures.moderateEquivalentMinutes(), aerobicTarget, "min/wk", SOURCE);
    }

    private static String count(int n, String thing) {
        return n + " " + thing + (n == 1 ? "" : "s");
    }
}
