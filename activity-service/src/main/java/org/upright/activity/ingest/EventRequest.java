package org.upright.activity.ingest;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.upright.events.EventType;
import org.upright.events.Intensity;

/**
 * An event as a wearable posts it (contract v1). There is no {@code userId}: the owner comes from
 * the credentials, and a body that names one is refused as an unknown field.
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
        @Schema(description = "exercise") String activity,
        @Schema(description = "exercise") Intensity intensity,
        @Schema(description = "exercise, 0 to 25") Double mets,
        @Schema(description = "exercise, beats per minute") Integer avgHeartRate,
        @Schema(description = "exercise") Boolean muscleStrengthening,
        @Schema(description = "posture: upright, reclined, slouched, hunched, leaning-forward") String posture,
        @Schema(description = "stress, 0 to 100") Integer level,
        @Schema(description = "symptom: lower-back, upper-back, neck, hip, buttock, leg, other") String bodySite,
        @Schema(description = "symptom, 0 to 10") Integer severity,
        @Schema(description = "symptom: spasm, ache, sharp") String kind,
        @Schema(description = "symptom: where the pain spreads to") String radiatesTo,
        @Schema(description = "sitting: the same boutId opens (no end) and closes (with end) a bout") String boutId) {
}
