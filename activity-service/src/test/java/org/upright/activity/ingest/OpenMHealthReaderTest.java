package org.upright.activity.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.upright.events.EventType;
import org.upright.events.Intensity;
import org.upright.problems.FieldError;

class OpenMHealthReaderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final OpenMHealthReader reader = new OpenMHealthReader();

    @Test
    void physicalActivityBecomesAnExercise() throws Exception {
        UUID id = UUID.randomUUID();
        ParsedItem item = reader.read(0, JSON.readTree("""
                {"header": {"uuid": "%s", "schema_id": {"namespace": "omh", "name": "physical-activity", "version": "1.2"}},
                 "body": {"activity_name": "Brisk Walking", "distance": {"value": 3.1, "unit": "km"},
                          "effective_time_frame": {"time_interval": {"start_date_time": "2026-11-24T07:00:00+01:00",
                                                                     "end_date_time": "2026-11-24T07:40:00+01:00"}},
                          "reported_activity_intensity": "moderate", "met_value": 4.3, "kcal_burned": {"value": 160, "unit": "kcal"}}}
                """.formatted(id)));

        EventRequest event = item.event();
        assertEquals(List.of(), item.errors());
        assertEquals(id, event.eventId());
        assertEquals(EventType.EXERCISE, event.type());
        assertEquals("brisk-walking", event.activity());
        assertEquals(OffsetDateTime.parse("2026-11-24T07:00:00+01:00"), event.start());
        assertEquals(OffsetDateTime.parse("2026-11-24T07:40:00+01:00"), event.end());
        assertEquals(Intensity.MODERATE, event.intensity());
        assertEquals(4.3, event.mets());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "start and duration in minutes | {'start_date_time': '2026-11-24T07:00:00Z', 'duration': {'value': 30, 'unit': 'min'}} | 2026-11-24T07:00Z | 2026-11-24T07:30Z",
        "end and duration in hours     | {'end_date_time': '2026-11-24T09:00:00Z', 'duration': {'value': 1.5, 'unit': 'h'}}    | 2026-11-24T07:30Z | 2026-11-24T09:00Z",
        "start and end                 | {'start_date_time': '2026-11-24T07:00:00Z', 'end_date_time': '2026-11-24T07:05:00Z'}  | 2026-11-24T07:00Z | 2026-11-24T07:05Z",
    })
    void intervalMayBeGivenAsTwoOfStartEndAndDuration(String name, String interval, OffsetDateTime start, OffsetDateTime end)
            throws Exception {
        EventRequest event = reader.read(0, point("run", interval.replace('\'', '"'))).event();

        assertEquals(start, event.start());
        assertEquals(end, event.end());
        assertEquals("running", event.activity());
    }

    @ParameterizedTest
    @CsvSource({"Swimming, swimming", "weight lifting, strength-training", "Bike, cycling", "frisbee, other", "YOGA, yoga"})
    void activityNamesMapToTheVocabulary(String name, String activity) throws Exception {
        EventRequest event = reader.read(0, point(name,
                "{\"start_date_time\": \"2026-11-24T07:00:00Z\", \"end_date_time\": \"2026-11-24T07:30:00Z\"}")).event();

        assertEquals(activity, event.activity());
    }

    @Test
    void idThatIsNotAUuidGivesTheSameEventIdEveryTime() throws Exception {
        String point = """
                {"header": {"id": "fitbit-123", "schema_id": {"name": "physical-activity"}},
                 "body": {"activity_name": "walking", "effective_time_frame": {"time_interval":
                     {"start_date_time": "2026-11-24T07:00:00Z", "end_date_time": "2026-11-24T07:30:00Z"}}}}""";

        assertEquals(reader.read(0, JSON.readTree(point)).event().eventId(), reader.read(3, JSON.readTree(point)).event().eventId());
    }

    @Test
    void otherSchemaAPointInTimeAndABadIntensityAreNamed() throws Exception {
        ParsedItem item = reader.read(2, JSON.readTree("""
                {"header": {"uuid": "%s", "schema_id": {"name": "step-count"}},
                 "body": {"activity_name": "walking", "effective_time_frame": {"date_time": "2026-11-24T07:00:00Z"},
                          "reported_activity_intensity": "extreme"}}""".formatted(UUID.randomUUID())));

        assertNull(item.event());
        assertEquals(List.of("header.schema_id.name", "body.effective_time_frame.time_interval", "body.reported_activity_intensity"),
                item.errors().stream().map(FieldError::field).toList());
        assertEquals(2, item.errors().get(0).index());
    }

    private static com.fasterxml.jackson.databind.JsonNode point(String activity, String interval) throws Exception {
        return JSON.readTree("""
                {"header": {"uuid": "%s", "schema_id": {"namespace": "omh", "name": "physical-activity", "version": "1.2"}},
                 "body": {"activity_name": "%s", "effective_time_frame": {"time_interval": %s}}}
                """.formatted(UUID.randomUUID(), activity, interval));
    }
}
