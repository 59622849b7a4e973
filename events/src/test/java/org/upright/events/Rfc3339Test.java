package org.upright.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The quick reading must take what java.time takes, give the same value, and refuse what it refuses. */
class Rfc3339Test {

    @ParameterizedTest
    @ValueSource(strings = {
            "2026-11-24T07:00:00+01:00", "2026-11-24T07:00:00Z", "2026-11-24T07:00:00-05:30", "2026-11-24T23:59:59+14:00",
            "2026-11-24T00:00:00-12:00", "2026-03-29T02:30:00+02:00", "2024-02-29T12:00:00Z", "2026-11-24T07:00:00.5Z",
            "2026-11-24T07:00:00.123+01:00", "2026-11-24T07:00:00.123456789-03:00", "2026-11-24T07:00:00.000001Z",
            "2026-11-24T07:00:00+18:00", "2026-11-24T07:00:00-00:00",
            // not the common form: java.time's parser reads these, as before
            "2026-11-24T07:00+01:00", "2026-11-24T07:00:00.Z", "2026-11-24t07:00:00z", "2026-11-24T07:00:00+01:00:30", "+12026-11-24T07:00:00Z"})
    void readsWhatJavaTimeReadsAsJavaTimeReadsIt(String text) {
        OffsetDateTime expected = OffsetDateTime.parse(text);
        OffsetDateTime actual = Rfc3339.parse(text);
        assertEquals(expected, actual);
        assertEquals(expected.getOffset(), actual.getOffset());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "2026-11-31T07:00:00Z", "2025-02-29T07:00:00Z", "2026-13-01T07:00:00Z", "2026-11-24T24:00:00Z", "2026-11-24T07:60:00Z",
            "2026-11-24T07:00:60Z", "2026-11-24T07:00:00", "2026-11-24T07:00:00+19:00", "2026-11-24T07:00:00+01:60",
            "2026-11-24T07:00:00.1234567890Z", "2026-11-24T07:00:00*01:00", "2026-11-24 07:00:00Z",
            "2026-1x-24T07:00:00Z", "2026-11-24T07:00:00+0100", "2026-11-24T07:00:00ZZ", "", "yesterday"})
    void refusesWhatJavaTimeRefuses(String text) {
        assertThrows(DateTimeException.class, () -> OffsetDateTime.parse(text));
        assertThrows(DateTimeException.class, () -> Rfc3339.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-24T07:00:00+01:00", "2026-11-24T07:00:00.25-05:30"})
    void recordsOnTheTopicsKeepTheOffsetTheWearableSent(String start) {
        ActivityEvent event = new ActivityEvent(UUID.randomUUID(), "user-1", "/devices/d", EventType.STRETCH,
                OffsetDateTime.parse(start), null, null, null, null, null, null, null, null, null, null, null, null, null, null);
        ActivityEvent read = EventJson.read(EventJson.write(event), ActivityEvent.class);
        assertEquals(OffsetDateTime.parse(start), read.start());
        assertEquals(OffsetDateTime.parse(start).getOffset(), read.start().getOffset());
    }
}
