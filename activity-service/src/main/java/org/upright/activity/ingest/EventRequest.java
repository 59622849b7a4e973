package org.upright.activity.ingest;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.upright.events.EventType;
import org.upright.events.Intensity;

/**
 * An event as a wearable posts it. There is no {@code userId}: the owner comes from the
 * credentials, and a body that names one is refused as an unknown field.
 */
@Schema(name = "Event", example = """
        {"eventId": "6f1c2a4e-2b7d-4a8e-9a51-0c3f5d7e9b11", "type": "exercise",
         "start": "2026-11-24T07:00:00+01:00", "end": "2026-11-24T07:40:00+01:00",
         "timeZone": "Europe/Berlin", "activity": "walking", "intensity": "moderate"}""")
public record EventRequest(
        UUID eventId,
        EventType type,
        OffsetDateTime start,
        OffsetDateTime end,
        String timeZone,
        String activity,
        Intensity intensity,
        Double mets,
        Integer avgHeartRate,
        Boolean muscleStrengthening) {
}
