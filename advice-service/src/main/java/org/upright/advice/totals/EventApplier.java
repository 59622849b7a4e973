package org.upright.advice.totals;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import org.upright.advice.rules.AdviceIssuer;
import org.upright.advice.rules.AerobicRule;
import org.upright.events.ActivityEvent;
import org.upright.events.EventType;
import org.upright.events.Intensity;

/**
 * Applies one event exactly once in effect: its id, the totals it changes and the advice it
 * causes are written in one transaction, and an id already recorded changes nothing.
 */
@ApplicationScoped
public class EventApplier {

    @Inject
    AerobicRule aerobicRule;

    @Inject
    AdviceIssuer adviceIssuer;

    @Inject
    Clock clock;

    @Transactional
    public void apply(ActivityEvent event) {
        if (ProcessedEvent.findById(event.eventId()) != null) {
            return;
        }
        ProcessedEvent.of(event.eventId(), event.userId(), clock.instant()).persist();
        if (event.type() != EventType.EXERCISE || event.end() == null) {
            return;
        }
        Intensity intensity = IntensityResolver.resolve(event);
        Map<IsoWeek, Duration> shares = WeekSplitter.split(event.start().toInstant(), event.end().toInstant(), zoneOf(event));
        shares.forEach((week, duration) -> {
            WeeklyTotal total = WeeklyTotal.findOrCreate(event.userId(), week);
            total.add(intensity, duration);
            aerobicRule.evaluate(week, total.figures()).ifPresent(draft -> adviceIssuer.issue(event.userId(), draft));
        });
    }

    /** The event's own zone when it names one; else the offset it was recorded with. */
    static ZoneId zoneOf(ActivityEvent event) {
        return event.timeZone() != null ? ZoneId.of(event.timeZone()) : event.start().getOffset();
    }
}
