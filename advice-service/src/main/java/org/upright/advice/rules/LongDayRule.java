package org.upright.advice.rules;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import org.upright.advice.totals.DayFigures;
import org.upright.events.AdviceIssued;
import org.upright.events.Severity;

/** {@code sitting-long-day}: more sitting in one day than the threshold (8 hours by default); once per day. */
@ApplicationScoped
public class LongDayRule implements Rule {

    public static final String ID = "sitting-long-day";
    static final AdviceIssued.Source SOURCE = Source.article("Causes: sitting and lack of exercise",
            "Sitting for long periods weakens the back and other muscles and can inflame them, and both can lead to spasms.");
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH);

    private final RulesConfig config;

    public LongDayRule(RulesConfig config) {
        this.config = config;
    }

    @Override
    public Description description() {
        return new Description(ID, "A long day of sitting",
                "more than %s of sitting in one day".formatted(Minutes.hoursAndMinutes(limitMinutes())), Severity.WARNING, SOURCE);
    }

    public Optional<AdviceDraft> evaluate(LocalDate day, DayFigures figures) {
        double sat = figures.sittingSeconds() / 60.0;
        if (sat <= limitMinutes()) {
            return Optional.empty();
        }
        String message = "You sat for %s on %s, more than %s. Break long sitting days up: stand or walk for calls, and get up between tasks."
                .formatted(Minutes.hoursAndMinutes(sat), DAY.format(day), Minutes.hoursAndMinutes(limitMinutes()));
        return Optional.of(new AdviceDraft(ID, day.toString(), day.toString(), Severity.WARNING, message,
                Math.round(sat), limitMinutes(), "min/d", SOURCE));
    }

    private double limitMinutes() {
        return config.sitting().longDay().toMinutes();
    }
}
