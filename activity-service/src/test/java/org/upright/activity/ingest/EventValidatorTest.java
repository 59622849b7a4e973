package org.upright.activity.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.upright.events.EventType;
import org.upright.events.Intensity;
import org.upright.problems.FieldError;

class EventValidatorTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());
    private final EventValidator validator = new EventValidator(Clock.fixed(NOW, ZoneOffset.UTC));

    @ParameterizedTest(name = "start {0}, end {1}, mets {2}, zone {3} -> {4}")
    @CsvSource(nullValues = "null", value = {
        // start (minutes from now), end (minutes from now), mets, zone -> fields in error
        "-60,   -30,  4.0,  Europe/Berlin, ''",
        "-60,   -60,  4.0,  null,          end",
        "-60,   -90,  4.0,  null,          end",
        "-1500, -30,  4.0,  null,          end",
        "-1440,  0,   4.0,  null,          ''",
        "4,      5,   4.0,  null,          ''",
        "4,      20,  4.0,  null,          end",
        "6,      20,  4.0,  null,          start end",
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
                endMinutes == null ? null : now.plusMinutes(endMinutes), zone, "walking", Intensity.MODERATE, mets, null, null,
                null, null, null, null, null, null, null);

        List<String> errors = validator.validate(event).stream().map(FieldError::field).toList();

        assertEquals(fields.isEmpty() ? List.of() : List.of(fields.split(" ")), errors);
    }

    @ParameterizedTest
    @CsvSource({"'', activity", "'  ', activity", "walking, ''"})
    void exerciseNeedsAnActivity(String activity, String fields) {
        OffsetDateTime start = OffsetDateTime.ofInstant(NOW, ZoneOffset.UTC).minusHours(1);
        EventRequest event = new EventRequest(UUID.randomUUID(), EventType.EXERCISE, start, start.plusMinutes(30),
                null, activity, null, null, null, null, null, null, null, null, null, null, null);

        List<String> errors = validator.validate(event).stream().map(FieldError::field).toList();

        assertEquals(fields.isEmpty() ? List.of() : List.of(fields), errors);
    }

    @ParameterizedTest
    @CsvSource({"19, avgHeartRate", "20, ''", "250, ''", "251, avgHeartRate"})
    void heartRateMustBePlausible(int heartRate, String fields) {
        OffsetDateTime start = OffsetDateTime.ofInstant(NOW, ZoneOffset.UTC).minusHours(1);
        EventRequest event = new EventRequest(UUID.randomUUID(), EventType.EXERCISE, start, start.plusMinutes(30),
                null, "running", null, null, heartRate, null, null, null, null, null, null, null, null);

        List<String> errors = validator.validate(event).stream().map(FieldError::field).toList();

        assertEquals(fields.isEmpty() ? List.of() : List.of(fields), errors);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        // a valid event of each type, then what each type requires or refuses
        "sitting open bout             | {'type':'sitting','boutId':'b-1','end':null}                                  | ''",
        "sitting closed bout           | {'type':'sitting','boutId':'b-1'}                                             | ''",
        "sitting without bout          | {'type':'sitting'}                                                            | boutId",
        "posture                       | {'type':'posture','posture':'slouched'}                                       | ''",
        "posture unknown word          | {'type':'posture','posture':'sprawled'}                                       | posture",
        "posture missing               | {'type':'posture'}                                                            | posture",
        "exercise                      | {'type':'exercise','activity':'running','mets':9.8,'avgHeartRate':150}        | ''",
        "exercise unknown activity     | {'type':'exercise','activity':'underwater-chess'}                             | activity",
        "exercise other activity       | {'type':'exercise','activity':'other','intensity':'moderate'}                 | ''",
        "stretch                       | {'type':'stretch'}                                                            | ''",
        "stretch without end           | {'type':'stretch','end':null}                                                 | end",
        "stress                        | {'type':'stress','level':100}                                                 | ''",
        "stress over 100               | {'type':'stress','level':101}                                                 | level",
        "stress below 0                | {'type':'stress','level':-1}                                                  | level",
        "stress missing level          | {'type':'stress'}                                                             | level",
        "symptom                       | {'type':'symptom','bodySite':'lower-back','severity':10,'kind':'spasm','radiatesTo':'leg'} | ''",
        "symptom severity over 10      | {'type':'symptom','bodySite':'lower-back','severity':11}                      | severity",
        "symptom severity below 0      | {'type':'symptom','bodySite':'lower-back','severity':-1}                      | severity",
        "symptom unknown kind          | {'type':'symptom','bodySite':'lower-back','severity':3,'kind':'itch'}         | kind",
        "symptom unknown site          | {'type':'symptom','bodySite':'elbow','severity':3}                            | bodySite",
        "symptom without end           | {'type':'symptom','bodySite':'neck','severity':3,'end':null}                  | end",
        "field of another type         | {'type':'stretch','severity':3}                                               | severity",
        "two fields of another type    | {'type':'posture','posture':'upright','activity':'walking','level':5}         | activity level",
    })
    void eachTypeHasItsOwnRules(String name, String json, String fields) throws Exception {
        com.fasterxml.jackson.databind.node.ObjectNode node = (com.fasterxml.jackson.databind.node.ObjectNode)
                JSON.readTree(json.replace('\'', '"'));
        node.put("eventId", UUID.randomUUID().toString());
        OffsetDateTime start = OffsetDateTime.ofInstant(NOW, ZoneOffset.UTC).minusHours(1);
        node.put("start", start.toString());
        if (!node.has("end")) {
            node.put("end", start.plusMinutes(30).toString());
        }
        EventRequest event = JSON.treeToValue(node, EventRequest.class);

        List<String> errors = validator.validate(event).stream().map(FieldError::field).toList();

        assertEquals(fields.isEmpty() ? List.of() : List.of(fields.split(" ")), errors);
    }
}
