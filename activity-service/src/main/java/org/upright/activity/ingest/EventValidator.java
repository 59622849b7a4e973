package org.upright.activity.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.upright.events.EventType;
import org.upright.problems.FieldError;

/** Checks an event against the v1 contract and names every field that breaks it. */
@ApplicationScoped
public class EventValidator {

    static final Duration MAX_DURATION = Duration.ofHours(24);
    static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);
    static final Duration MAX_AGE = Duration.ofDays(30);
    static final Set<EventType> ACCEPTED_TYPES = Set.of(EventType.EXERCISE);

    private final Clock clock;

    public EventValidator() {
        this(Clock.systemUTC());
    }

    EventValidator(Clock clock) {
        this.clock = clock;
    }

    public List<FieldError> validate(EventRequest event) {
        List<FieldError> errors = new ArrayList<>();
        if (event.eventId() == null) {
            errors.add(new FieldError("eventId", "is required: a UUID chosen by the device"));
        }
        if (event.type() == null) {
            errors.add(new FieldError("type", "is required"));
        } else if (!ACCEPTED_TYPES.contains(event.type())) {
            errors.add(new FieldError("type", "'" + event.type().wireName() + "' is not accepted yet; accepted: exercise"));
        }
        checkInterval(event.start(), event.end(), errors);
        if (event.timeZone() != null) {
            try {
                ZoneId.of(event.timeZone());
            } catch (DateTimeException e) {
                errors.add(new FieldError("timeZone", "is not an IANA time zone such as Europe/Berlin"));
            }
        }
        if (event.type() == EventType.EXERCISE && (event.activity() == null || event.activity().isBlank())) {
            errors.add(new FieldError("activity", "is required for an exercise event"));
        }
        if (event.mets() != null && (event.mets() < 0 || event.mets() > 25)) {
            errors.add(new FieldError("mets", "must be between 0 and 25"));
        }
        if (event.avgHeartRate() != null && (event.avgHeartRate() < 20 || event.avgHeartRate() > 250)) {
            errors.add(new FieldError("avgHeartRate", "must be between 20 and 250 beats per minute"));
        }
        return errors;
    }

    private void checkInterval(OffsetDateTime start, OffsetDateTime end, List<FieldError> errors) {
        if (start == null) {
            errors.add(new FieldError("start", "is required: an ISO-8601 instant with offset"));
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (start.isAfter(now.plus(MAX_CLOCK_SKEW))) {
            errors.add(new FieldError("start", "is more than 5 minutes in the future"));
        }
        if (start.isBefore(now.minus(MAX_AGE))) {
            errors.add(new FieldError("start", "is more than 30 days old"));
        }
        if (end == null) {
            errors.add(new FieldError("end", "is required for an exercise event"));
        } else if (!end.isAfter(start)) {
            errors.add(new FieldError("end", "must be after start"));
        } else if (Duration.between(start, end).compareTo(MAX_DURATION) > 0) {
            errors.add(new FieldError("end", "must be at most 24 hours after start"));
        }
    }
}
