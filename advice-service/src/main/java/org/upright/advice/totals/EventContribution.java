package org.upright.advice.totals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongFunction;
import org.upright.events.ActivityEvent;
import org.upright.events.Intensity;

/**
 * What one event adds to each local day it touches. Durations are split at midnight; things that
 * happen once (a strength session, a stretch break, a pain report, a bout's length) count on the
 * day they started. An open sitting bout adds nothing until it is closed.
 */
public final class EventContribution {

    private EventContribution() {
    }

    public static Map<LocalDate, DayFigures> of(ActivityEvent event, ZoneId zone, Integer birthYear, Counting counting) {
        Map<LocalDate, DayFigures> days = new LinkedHashMap<>();
        LocalDate startDay = event.start().atZoneSameInstant(zone).toLocalDate();
        switch (event.type()) {
            case EXERCISE -> {
                Intensity intensity = IntensityResolver.resolve(event, birthYear);
                if (intensity == Intensity.MODERATE) {
                    spread(days, event, zone, DayFigures::moderate);
                } else if (intensity == Intensity.VIGOROUS) {
                    spread(days, event, zone, DayFigures::vigorous);
                }
                if (isMuscleStrengthening(event)) {
                    add(days, startDay, DayFigures.strengthSession());
                }
            }
            case SITTING -> {
                if (event.end() != null) {
                    spread(days, event, zone, DayFigures::sitting);
                    long bout = Duration.between(event.start(), event.end()).toSeconds();
                    add(days, startDay, DayFigures.bout(bout, bout >= counting.longBout().toSeconds()));
                }
            }
            case POSTURE -> {
                boolean poor = event.posture() != null && counting.poorPostures().contains(event.posture());
                spread(days, event, zone, seconds -> DayFigures.posture(seconds, poor));
            }
            case STRETCH -> add(days, startDay, DayFigures.stretchBreak());
            case STRESS -> {
                if (event.level() != null && event.level() >= counting.highStressLevel()) {
                    spread(days, event, zone, DayFigures::highStress);
                }
            }
            case SYMPTOM -> add(days, startDay, DayFigures.pain(event.severity() == null ? 0 : event.severity()));
        }
        return days;
    }

    /** Strength training counts unless the device says otherwise; anything else only when it says so. */
    static boolean isMuscleStrengthening(ActivityEvent event) {
        if (event.muscleStrengthening() != null) {
            return event.muscleStrengthening();
        }
        return "strength-training".equals(event.activity());
    }

    private static void spread(Map<LocalDate, DayFigures> days, ActivityEvent event, ZoneId zone, LongFunction<DayFigures> figures) {
        if (event.end() == null) {
            return;
        }
        Instant start = event.start().toInstant();
        DaySplitter.split(start, event.end().toInstant(), zone)
                .forEach((day, share) -> add(days, day, figures.apply(share.toSeconds())));
    }

    private static void add(Map<LocalDate, DayFigures> days, LocalDate day, DayFigures figures) {
        days.merge(day, figures, DayFigures::plus);
    }
}
