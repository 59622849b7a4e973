package org.upright.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What the records serialise to must be what the published schemas describe, and back. */
class EventJsonSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void exerciseEventMatchesTheActivitySchemaAndReadsBack() throws Exception {
        ActivityEvent event = exercise(UUID.randomUUID());

        String json = EventJson.write(event);

        assertEquals(Set.of(), violations("activity-events.v1.schema.json", json));
        assertEquals(event, EventJson.read(json, ActivityEvent.class));
    }

    @Test
    void theBytesAConsumerReceivesReadAsTheTextDoes() {
        ActivityEvent event = exercise(UUID.randomUUID());

        assertEquals(event, EventJson.read(EventJson.writeBytes(event), ActivityEvent.class));
        MalformedRecordException broken = assertThrows(MalformedRecordException.class,
                () -> EventJson.read("{\"eventId\": \"nö".getBytes(StandardCharsets.UTF_8), ActivityEvent.class));
        assertTrue(broken.getMessage().startsWith("not a valid ActivityEvent: "), broken.getMessage());
    }

    @Test
    void offsetOfTheWearableSurvivesTheRoundTrip() {
        ActivityEvent event = exercise(UUID.randomUUID());

        ActivityEvent read = EventJson.read(EventJson.write(event), ActivityEvent.class);

        assertEquals("+09:00", read.start().getOffset().getId());
    }

    @Test
    void activitySchemaRefusesAnExerciseWithoutActivity() throws Exception {
        String json = EventJson.write(exercise(UUID.randomUUID())).replace("\"activity\":\"walking\",", "");

        assertFalse(violations("activity-events.v1.schema.json", json).isEmpty());
    }

    @Test
    void adviceMatchesTheAdviceSchemaAndReadsBack() throws Exception {
        AdviceIssued advice = new AdviceIssued(UUID.randomUUID(), "u-1", "cdc-aerobic", Severity.INFO,
                "40 more moderate minutes this week, or 20 vigorous.", 110, 150, "min/wk",
                new AdviceIssued.Source("Physical Activity Guidelines for Americans, 2nd edition", "Adults",
                        "150 minutes of moderate or 75 of vigorous aerobic activity a week"),
                "2026-W48", Instant.parse("2026-11-25T10:00:00Z"));

        String json = EventJson.write(advice);

        assertEquals(Set.of(), violations("advice-issued.v1.schema.json", json));
        assertEquals(advice, EventJson.read(json, AdviceIssued.class));
    }

    @Test
    void profileMatchesTheProfilesSchemaAndReadsBack() throws Exception {
        ProfileChanged profile = new ProfileChanged("u-1", "Europe/Berlin", 1985, Instant.parse("2026-11-25T10:00:00.123456Z"));

        String json = EventJson.write(profile);

        assertEquals(Set.of(), violations("profiles.v1.schema.json", json));
        assertEquals(profile, EventJson.read(json, ProfileChanged.class));
    }

    @Test
    void profileWithoutBirthYearLeavesItOut() throws Exception {
        String json = EventJson.write(new ProfileChanged("u-1", "Asia/Tokyo", null, Instant.parse("2026-11-25T10:00:00Z")));

        assertFalse(json.contains("birthYear"));
        assertEquals(Set.of(), violations("profiles.v1.schema.json", json));
    }

    @Test
    void profilesSchemaRefusesAProfileWithoutUserId() throws Exception {
        String json = EventJson.write(new ProfileChanged(null, "Europe/Berlin", 1985, Instant.parse("2026-11-25T10:00:00Z")));

        assertFalse(violations("profiles.v1.schema.json", json).isEmpty());
    }

    @Test
    void aProfileRecordReadsBackWithOrWithoutAZone() {
        ProfileChanged profile = new ProfileChanged("u-1", "America/New_York", null, Instant.parse("2026-11-25T10:00:00Z"));
        ProfileChanged noZone = new ProfileChanged("u-1", null, 1985, Instant.parse("2026-11-25T10:00:00Z"));

        assertEquals(profile, ProfileChanged.fromRecord(EventJson.write(profile)));
        assertEquals(noZone, ProfileChanged.fromRecord(EventJson.write(noZone)));
    }

    @Test
    void aProfileRecordWithoutItsPersonOrTimeOrWithAnUnknownZoneIsMalformed() {
        Instant at = Instant.parse("2026-11-25T10:00:00Z");
        for (ProfileChanged bad : List.of(new ProfileChanged(null, "Europe/Berlin", 1985, at),
                new ProfileChanged("u-1", "Europe/Berlin", 1985, null), new ProfileChanged("u-1", "Mars/Olympus", 1985, at))) {
            assertThrows(MalformedRecordException.class, () -> ProfileChanged.fromRecord(EventJson.write(bad)), bad.toString());
        }
        assertThrows(MalformedRecordException.class, () -> ProfileChanged.fromRecord(null));
        assertThrows(MalformedRecordException.class, () -> ProfileChanged.fromRecord("{\"userId\": "));
    }

    @Test
    void unknownTypeIsAMalformedRecord() {
        String json = EventJson.write(exercise(UUID.randomUUID())).replace("\"exercise\"", "\"dancing\"");

        assertThrows(MalformedRecordException.class, () -> EventJson.read(json, ActivityEvent.class));
    }

    @Test
    void fieldsOfANewerProducerAreIgnored() {
        String json = EventJson.write(exercise(UUID.randomUUID())).replace("{", "{\"addedLater\":1,");

        assertTrue(EventJson.read(json, ActivityEvent.class).eventId() != null);
    }

    @Test
    void schemaVocabularyIsTheVocabularyOfTheRecords() throws Exception {
        JsonNode properties;
        try (InputStream schema = EventJson.class.getResourceAsStream("/schemas/activity-events.v1.schema.json")) {
            properties = JSON.readTree(schema).get("properties");
        }
        Set<String> activities = new java.util.HashSet<>(Vocabulary.ACTIVITY_METS.keySet());
        activities.add(Vocabulary.OTHER_ACTIVITY);
        assertEquals(activities, enumOf(properties.get("activity")));
        assertEquals(Vocabulary.POSTURES, enumOf(properties.get("posture")));
        assertEquals(Vocabulary.BODY_SITES, enumOf(properties.get("bodySite")));
        assertEquals(Vocabulary.PAIN_KINDS, enumOf(properties.get("kind")));
    }

    @Test
    void openSittingBoutNeedsNoEndButEveryOtherTypeDoes() throws Exception {
        ActivityEvent openBout = new ActivityEvent(UUID.randomUUID(), "u-1", "device-1", EventType.SITTING,
                OffsetDateTime.parse("2026-11-24T09:00:00+01:00"), null, "Europe/Berlin",
                null, null, null, null, null, null, null, null, null, null, null, "bout-1");
        ActivityEvent stressWithoutEnd = new ActivityEvent(UUID.randomUUID(), "u-1", "device-1", EventType.STRESS,
                OffsetDateTime.parse("2026-11-24T09:00:00+01:00"), null, null,
                null, null, null, null, null, null, 80, null, null, null, null, null);

        assertEquals(Set.of(), violations("activity-events.v1.schema.json", EventJson.write(openBout)));
        assertFalse(violations("activity-events.v1.schema.json", EventJson.write(stressWithoutEnd)).isEmpty());
    }

    private static Set<String> enumOf(JsonNode property) {
        Set<String> values = new java.util.HashSet<>();
        property.get("enum").forEach(value -> values.add(value.asText()));
        return values;
    }

    private static ActivityEvent exercise(UUID eventId) {
        return new ActivityEvent(eventId, "u-1", "device-1", EventType.EXERCISE,
                OffsetDateTime.parse("2026-11-24T07:00:00+09:00"), OffsetDateTime.parse("2026-11-24T07:30:00+09:00"),
                "Asia/Tokyo", "walking", Intensity.MODERATE, 4.3, null, false,
                null, null, null, null, null, null, null);
    }

    private static Set<ValidationMessage> violations(String schemaFile, String json) throws Exception {
        try (InputStream schemaStream = EventJson.class.getResourceAsStream("/schemas/" + schemaFile)) {
            JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaStream);
            JsonNode node = JSON.readTree(json);
            return schema.validate(node);
        }
    }
}
