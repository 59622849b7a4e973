package org.upright.advice.rules;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.upright.events.AdviceIssued;
import org.upright.events.Severity;

/**
 * {@code sitting-hourly-break}: a sitting bout reached the break threshold. An open bout is nudged
 * the moment it gets there; a bout reported only once it had ended gets the same advice afterwards,
 * unless it was nudged while open. Once per bout either way.
 */
@ApplicationScoped
public class SittingBreakRule implements Rule {

    public static final String ID = "sitting-hourly-break";
    static final AdviceIssued.Source SOURCE = Source.article("Prevention",
            "People who sit for long stretches should stretch regularly and take a break every hour.");

    private final RulesConfig config;

    public SittingBreakRule(RulesConfig config) {
        this.config = config;
    }

    @Override
    public Description description() {
        return new Description(ID, "A break from sitting",
                "a sitting bout reaches %d minutes; an open bout is nudged at that moment".formatted(threshold().toMinutes()),
                Severity.INFO, SOURCE);
    }

    public Duration threshold() {
        return config.sitting().breakAfter();
    }

    /** An open bout that has just reached the threshold, at {@code now}. */
    public AdviceDraft stillSitting(String boutId, Instant start, Instant now) {
        long minutes = Duration.between(start, now).toMinutes();
        String message = "You have been sitting for %d minutes. Stand up, stretch and move around for a few minutes before you sit down again."
                .formatted(minutes);
        return draft(boutId, start + "/" + now, message, minutes);
    }

    /** A bout reported after it ended; nothing if it was shorter than the threshold. */
    public Optional<AdviceDraft> sat(String boutId, Instant start, Instant end) {
        Duration bout = Duration.between(start, end);
        if (bout.compareTo(threshold()) < 0) {
            return Optional.empty();
        }
        String message = "You sat for %d minutes without a break. Next time, stand up and stretch at least once an hour."
                .formatted(bout.toMinutes());
        return Optional.of(draft(boutId, start + "/" + end, message, bout.toMinutes()));
    }

    private AdviceDraft draft(String boutId, String period, String message, long minutes) {
        return new AdviceDraft(ID, "bout:" + boutId, period, Severity.INFO, message, minutes, threshold().toMinutes(), "min", SOURCE);
    }
}
