package org.upright.advice.totals;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.upright.advice.people.People;
import org.upright.advice.rules.RiskRules;
import org.upright.advice.rules.RulesConfig;
import org.upright.advice.sitting.SittingBouts;
import org.upright.events.ActivityEvent;
import org.upright.events.EventType;
import org.upright.events.Vocabulary;

/**
 * Applies a batch of events exactly once in effect: in one transaction it claims their ids, adds
 * what the new ones did to the day totals (one row per person-day, however many events), tracks
 * sitting bouts, and issues the advice the changes call for. An id already claimed changes nothing.
 */
@ApplicationScoped
public class BatchApplier {

    @Inject
    ProcessedEvents processed;

    @Inject
    People people;

    @Inject
    DayTotals dayTotals;

    @Inject
    SittingBouts bouts;

    @Inject
    ExerciseKinds exerciseKinds;

    @Inject
    RiskRules riskRules;

    @Inject
    RulesConfig rules;

    @Inject
    MeterRegistry meters;

    @Transactional
    public void apply(List<ActivityEvent> events) {
        Set<UUID> fresh = processed.claim(events);
        if (fresh.isEmpty()) {
            return;
        }
        Map<String, People.Known> known = people.byId(events.stream().map(ActivityEvent::userId).collect(Collectors.toSet()));
        Counting counting = Counting.from(rules);
        Map<UserDay, DayFigures> additions = new HashMap<>();
        List<SittingBouts.Bout> opened = new ArrayList<>();
        List<SittingBouts.Bout> closed = new ArrayList<>();
        List<ExerciseKinds.Session> sessions = new ArrayList<>();
        for (ActivityEvent event : events) {
            if (!fresh.remove(event.eventId())) {
                continue; // seen before, or twice in this batch
            }
            People.Known person = known.get(event.userId());
            ZoneId zone = zoneOf(event, person);
            EventContribution.of(event, zone, person == null ? null : person.birthYear(), counting)
                    .forEach((day, figures) -> additions.merge(new UserDay(event.userId(), day), figures, DayFigures::plus));
            if (event.type() == EventType.SITTING) {
                String boutId = event.boutId() != null ? event.boutId() : event.eventId().toString();
                SittingBouts.Bout bout = new SittingBouts.Bout(event.userId(), boutId, event.start().toInstant(),
                        event.end() == null ? null : event.end().toInstant());
                (bout.end() == null ? opened : closed).add(bout);
            } else if (event.type() == EventType.EXERCISE && event.activity() != null && !Vocabulary.OTHER_ACTIVITY.equals(event.activity())) {
                double minutes = event.end() == null ? 0 : Duration.between(event.start(), event.end()).toSeconds() / 60.0;
                sessions.add(new ExerciseKinds.Session(event.userId(), event.activity(),
                        event.start().atZoneSameInstant(zone).toLocalDate(), minutes));
            }
        }
        dayTotals.add(additions);
        meters.summary("upright.advice.batch.events").record(events.size());
        meters.summary("upright.advice.batch.user.days").record(additions.size());
        bouts.open(opened, rules.sitting().breakAfter());
        bouts.close(closed);
        riskRules.afterBatch(additions, closed, exerciseKinds.recordNew(sessions));
    }

    /**
     * The event's own zone when it names one (activity-service fills in the profile's); else the
     * zone of the person's profile; else the offset it was recorded with.
     */
    static ZoneId zoneOf(ActivityEvent event, People.Known person) {
        if (event.timeZone() != null) {
            return ZoneId.of(event.timeZone());
        }
        return person != null && person.timeZone() != null ? ZoneId.of(person.timeZone()) : event.start().getOffset();
    }
}
