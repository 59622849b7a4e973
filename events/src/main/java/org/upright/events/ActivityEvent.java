package org.upright.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One thing a wearer did, as published on {@link Topics#ACTIVITY_EVENTS} (contract v1).
 *
 * <p>The fields after {@code timeZone} belong to particular types (see ARCHITECTURE.md) and are
 * null elsewhere. {@code userId} is set by activity-service from the device token, never from the
 * device's own body.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ActivityEvent(
        UUID eventId,
        String userId,
        String source,
        EventType type,
        OffsetDateTime start,
        OffsetDateTime end,
        String timeZone,
        // exercise
        String activity,
        Intensity intensity,
        Double mets,
        Integer avgHeartRate,
        Boolean muscleStrengthening,
        // posture
        String posture,
        // stress
        Integer level,
        // symptom
        String bodySite,
        Integer severity,
        String kind,
        String radiatesTo,
        // sitting
        String boutId) {
}
