package org.upright.advice.rules;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.upright.advice.totals.WeekFigures;
import org.upright.events.AdviceIssued;
import org.upright.events.Severity;

/**
 * {@code cdc-aerobic}: a pacing nudge mid-week while the week is under the CDC's aerobic target,
 * and a verdict once the week is over. Both say what remains in moderate or in vigorous minutes.
 */
@ApplicationScoped
public class AerobicRule implements Rule {

    public static final String ID = "cdc-aerobic";
    static final AdviceIssued.Source SOURCE = Source.cdc("Key Guidelines for Adults",
            "Adults should do at least 150 minutes of moderate or 75 minutes of vigorous aerobic activity a week, "
                    + "or an equivalent mix; a vigorous minute counts as two moderate ones.");

    private final RulesConfig config;

    public AerobicRule(RulesConfig config) {
        this.config = config;
    }

    @Override
    public Description description() {
        return new Description(ID, "Aerobic activity: the CDC's weekly target",
                "moderate-equivalent minutes (moderate + 2 x vigorous) below %d: a pacing nudge on %s at %s, a verdict when the week is over"
                        .formatted(target(), config.aerobic().pacingDay().name().toLowerCase(), config.aerobic().pacingTime()),
                Severity.INFO, SOURCE);
    }

    /** Mid-week, on {@code today}: what remains, and how much a day that makes until Sunday. */
    public Optional<AdviceDraft> pacing(WeekFigures figures, LocalDate today) {
        double done = figures.moderateEquivalentMinutes();
        if (done >= target()) {
            return Optional.empty();
        }
        long daysLeft = ChronoUnit.DAYS.between(today, figures.week().monday().plusDays(7));
        long remaining = Minutes.upTo(target() - done);
        String message = "Mid-week check: %d of the %d moderate-intensity minutes the CDC recommends so far. "
                .formatted(Minutes.whole(Math.floor(done)), target())
                + "%d more moderate minutes, or %d vigorous, by Sunday will get you there (about %d a day)."
                .formatted(remaining, Minutes.upTo((target() - done) / 2), Minutes.upTo((double) remaining / Math.max(1, daysLeft)));
        return Optional.of(draft(figures, "/pacing", message));
    }

    /** Once the week is over: met or not, and by how much it fell short. */
    public Optional<AdviceDraft> verdict(WeekFigures figures) {
        double done = figures.moderateEquivalentMinutes();
        if (done >= target()) {
            return Optional.empty();
        }
        String message = "Last week: %d of the %d moderate-intensity minutes the CDC recommends. "
                .formatted(Minutes.whole(Math.floor(done)), target())
                + "%d more moderate minutes, or %d vigorous, would have met it; spread over this week that is about %d a day."
                .formatted(Minutes.upTo(target() - done), Minutes.upTo((target() - done) / 2), Minutes.upTo(target() / 7.0));
        return Optional.of(draft(figures, "", message));
    }

    private AdviceDraft draft(WeekFigures figures, String causeSuffix, String message) {
        String week = figures.week().toString();
        return new AdviceDraft(ID, week + causeSuffix, week, Severity.INFO, message,
                figures.moderateEquivalentMinutes(), target(), "min/wk", SOURCE);
    }

    private int target() {
        return config.aerobic().weeklyModerateMinutes();
    }
}
