package org.upright.activity.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.upright.events.EventType;
import org.upright.events.Vocabulary;
import org.upright.problems.FieldError;

/** Checks an event against the v1 contract and names every field that breaks it, and why. */
@ApplicationScoped
public class EventValidator {

    static final Duration MAX_DURATION = Duration.ofHours(24);
    static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);
    static final Duration MAX_AGE = Duration.ofDays(30);
    private static final Map<EventType, Set<String>> TYPE_FIELDS = Map.of(
            EventType.EXERCISE, Set.of("activity", "intensity", "mets", "avgHeartRate", "muscleStrengthening"),
            EventType.POSTURE, Set.of("posture"),
            EventType.STRESS, Set.of("level"),
            EventType.SYMPTOM, Set.of("bodySite", "severity", "kind", "radiatesTo"),
            EventType.SITTING, Set.of("boutId"),
            EventType.STRETCH, Set.of());

    private final Clock clock;

    public EventValidator() {
        this(Clock.systemUTC());
    }

    EventValidator(Clock clock) {
        this.clock = clock;
    }

    public List<FieldError> validate(EventRequest event) {
        return validate(event, OffsetDateTime.now(clock));
    }

    /** @param now the time the request arrived: one reading of the clock for a whole batch */
    public List<FieldError> validate(EventRequest event, OffsetDateTime now) {
        List<FieldError> errors = new ArrayList<>();
        if (event.eventId() == null) {
            errors.add(new FieldError("eventId", "is required: a UUID chosen by the device"));
        }
        if (event.type() == null) {
            errors.add(new FieldError("type", "is required: one of sitting, posture, exercise, stretch, stress, symptom"));
            return errors;
        }
        checkInterval(event, now, errors);
        if (event.timeZone() != null) {
            try {
                ZoneId.of(event.timeZone());
            } catch (DateTimeException e) {
                errors.add(new FieldError("timeZone", "is not an IANA time zone such as Europe/Berlin"));
            }
        }
        checkFieldsBelongToType(event, errors);
        switch (event.type()) {
            case EXERCISE -> checkExercise(event, errors);
            case POSTURE -> requireOneOf("posture", event.posture(), Vocabulary.POSTURES, errors);
            case STRESS -> requireInRange("level", event.level(), 0, 100, errors);
            case SYMPTOM -> checkSymptom(event, errors);
            case SITTING -> {
                if (event.boutId() == null || event.boutId().isBlank()) {
                    errors.add(new FieldError("boutId", "is required for a sitting event: it pairs the bout's open and close"));
                } else if (event.boutId().length() > 100) {
                    errors.add(new FieldError("boutId", "must be at most 100 characters"));
                }
            }
            case STRETCH -> {
                // start and end are all a stretch break has
            }
        }
        return errors;
    }

    private static void checkInterval(EventRequest event, OffsetDateTime now, List<FieldError> errors) {
        OffsetDateTime start = event.start();
        OffsetDateTime end = event.end();
        if (start == null) {
            errors.add(new FieldError("start", "is required: an ISO-8601 instant with offset"));
            return;
        }
        if (start.isAfter(now.plus(MAX_CLOCK_SKEW))) {
            errors.add(new FieldError("start", "is more than 5 minutes in the future"));
        }
        if (start.isBefore(now.minus(MAX_AGE))) {
            errors.add(new FieldError("start", "is more than 30 days old"));
        }
        if (end == null) {
            if (event.type() != EventType.SITTING) {
                errors.add(new FieldError("end", "is required; only a sitting bout that is still open may omit it"));
            }
        } else if (!end.isAfter(start)) {
            errors.add(new FieldError("end", "must be after start"));
        } else if (Duration.between(start, end).compareTo(MAX_DURATION) > 0) {
            errors.add(new FieldError("end", "must be at most 24 hours after start"));
        } else if (end.isAfter(now.plus(MAX_CLOCK_SKEW))) {
            errors.add(new FieldError("end", "is more than 5 minutes in the future"));
        }
    }

    private static void checkExercise(EventRequest event, List<FieldError> errors) {
        if (event.activity() == null || event.activity().isBlank()) {
            errors.add(new FieldError("activity", "is required for an exercise event"));
        } else if (!Vocabulary.isActivity(event.activity())) {
            errors.add(new FieldError("activity", "'" + event.activity() + "' is not a known activity; known: "
                    + String.join(", ", new TreeSet<>(Vocabulary.ACTIVITY_METS.keySet())) + ", other"));
        }
        if (event.mets() != null && (event.mets() < 0 || event.mets() > 25)) {
            errors.add(new FieldError("mets", "must be between 0 and 25"));
        }
        if (event.avgHeartRate() != null) {
            requireInRange("avgHeartRate", event.avgHeartRate(), 20, 250, errors);
        }
    }

    private static void checkSymptom(EventRequest event, List<FieldError> errors) {
        requireOneOf("bodySite", event.bodySite(), Vocabulary.BODY_SITES, errors);
        requireInRange("severity", event.severity(), 0, 10, errors);
        if (event.kind() != null) {
            requireOneOf("kind", event.kind(), Vocabulary.PAIN_KINDS, errors);
        }
        if (event.radiatesTo() != null) {
            requireOneOf("radiatesTo", event.radiatesTo(), Vocabulary.BODY_SITES, errors);
        }
    }

    /** A field of another type is a sign of a confused device; refusing it keeps the data honest. */
    private static void checkFieldsBelongToType(EventRequest event, List<FieldError> errors) {
        Set<String> allowed = TYPE_FIELDS.get(event.type());
        refuseUnlessAllowed("activity", event.activity(), allowed, event.type(), errors);
        refuseUnlessAllowed("intensity", event.intensity(), allowed, event.type(), errors);
        refuseUnlessAllowed("mets", event.mets(), allowed, event.type(), errors);
        refuseUnlessAllowed("avgHeartRate", event.avgHeartRate(), allowed, event.type(), errors);
        refuseUnlessAllowed("muscleStrengthening", event.muscleStrengthening(), allowed, event.type(), errors);
        refuseUnlessAllowed("posture", event.posture(), allowed, event.type(), errors);
        refuseUnlessAllowed("level", event.level(), allowed, event.type(), errors);
        refuseUnlessAllowed("bodySite", event.bodySite(), allowed, event.type(), errors);
        refuseUnlessAllowed("severity", event.severity(), allowed, event.type(), errors);
        refuseUnlessAllowed("kind", event.kind(), allowed, event.type(), errors);
        refuseUnlessAllowed("radiatesTo", event.radiatesTo(), allowed, event.type(), errors);
        refuseUnlessAllowed("boutId", event.boutId(), allowed, event.type(), errors);
    }

    private static void refuseUnlessAllowed(String field, Object value, Set<String> allowed, EventType type,
                                            List<FieldError> errors) {
        if (value != null && !allowed.contains(field)) {
            errors.add(new FieldError(field, "does not belong to a " + type.wireName() + " event"));
        }
    }

    private static void requireOneOf(String field, String value, Set<String> words, List<FieldError> errors) {
        if (value == null) {
            errors.add(new FieldError(field, "is required: one of " + String.join(", ", new TreeSet<>(words))));
        } else if (!words.contains(value)) {
            errors.add(new FieldError(field, "'" + value + "' is not one of " + String.join(", ", new TreeSet<>(words))));
        }
    }

    private static void requireInRange(String field, Integer value, int min, int max, List<FieldError> errors) {
        if (value == null) {
            errors.add(new FieldError(field, "is required: a whole number from " + min + " to " + max));
        } else if (value < min || value > max) {
            errors.add(new FieldError(field, "must be between " + min + " and " + max));
        }
    }
}
