package org.upright.activity.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.upright.events.EventType;
import org.upright.events.Intensity;
import org.upright.problems.FieldError;

class EventValidatorTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private final EventValidator validator = new EventValidator(Clock.fixed(NOW, ZoneOffset.UTC));

    @ParameterizedTest(name = "start {0}, end {1}, mets {2}, zone {3} -> {4}")
    @CsvSource(nullValues = "null", value = {
        // start (minutes from now), end (minutes from now), mets, zone -> fields in error
        "-60,   -30,  4.0,  Europe/Berlin, ''",
        "-60,   -60,  4.0,  null,          end",
        "-60,   -90,  4.0,  null,          end",
        "-1500, -30,  4.0,  null,          end",
        "-1440,  0,   4.0,  null,          ''",
        "4,      20,  4.0,  null,          ''",
        "6,      20,  4.0,  null,          start",
        "-43201, -43100, 4.0, null,        start",
        "-60,   -30,  25.0, null,          ''",
        "-60,   -30,  25.1, null,          mets",
        "-60,   -30,  -0.1, null,          mets",
        "-60,   -30,  0.0,  Mars/Olympus,  timeZone",
        "-60,   null, 4.0,  null,          end",
    })
    void namesEveryFieldThatBreaksTheContract(int startMinutes, Integer endMinutes, double mets, String zone, String fields) {
        OffsetDateTime now = OffsetDateTime.ofInstant(NOW, ZoneOffset.ofHours(2));
        EventRequest event = new EventRequest(UUID.randomUUID(), EventType.EXERCISE, now.plusMinutes(startMinutes),
                endMinutes == null ? null : now.plusMinutes(endMinutes), zone, "walking", Intensity.MODERATE, mets, null, null);

        List<String> errors = validator.validate(event).stream().map(FieldError::field).toList();

        assertEquals(fields.isEmpty() ? List.of() : List.of(fields.split(" ")), errors);
    }

    @ParameterizedTest
    @CsvSource({"'', activity", "'  ', activity", "walking, ''"})
    void exerciseNeedsAnActivity(String activity, String fields) {
        OffsetDateTime start = OffsetDateTime.ofInstant(NOW, ZoneOffset.UTC).minusHours(1);
        EventRequest event = new EventRequest(UUID.randomUUID(), EventType.EXERCISE, start, start.plusMinutes(30),
                null, activity, null, null, null, null);

        List<String> errors = validator.validate(event).stream().map(FieldError::field).toList();

        assertEquals(fields.isEmpty() ? List.of() : List.of(fields), errors);
    }

    @ParameterizedTest
    @CsvSource({"19, avgHeartRate", "20, ''", "250, ''", "251, avgHeartRate"})
    void heartRateMustBePlausible(int heartRate, String fields) {
        OffsetDateTime start = OffsetDateTime.ofInstant(NOW, ZoneOffset.UTC).minusHours(1);
        EventRequest event = new EventRequest(UUID.randomUUID(), EventType.EXERCISE, start, start.plusMinutes(30),
                null, "running", null, null, heartRate, null);

        List<String> errors = validator.validate(event).stream().map(FieldError::field).toList();

        assertEquals(fields.isEmpty() ? List.of() : List.of(fields), errors);
    }

    @ParameterizedTest
    @CsvSource({"SITTING", "POSTURE", "STRETCH", "STRESS", "SYMPTOM"})
    void onlyExerciseIsAcceptedForNow(EventType type) {
        OffsetDateTime start = OffsetDateTime.ofInstant(NOW, ZoneOffset.UTC).minusHours(1);
        EventRequest event = new EventRequest(UUID.randomUUID(), type, start, start.plusMinutes(30),
                null, null, null, null, null, null);

        assertEquals(List.of("type"), validator.validate(event).stream().map(FieldError::field).toList());
    }
}
