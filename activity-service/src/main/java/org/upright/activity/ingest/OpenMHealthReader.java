package org.upright.activity.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.upright.events.EventType;
import org.upright.events.Intensity;
import org.upright.events.Vocabulary;
import org.upright.problems.FieldError;
import org.upright.problems.InvalidRequestException;

/**
 * Reads Open mHealth / IEEE 1752.1 {@code physical-activity} data points (a header and a body with
 * {@code activity_name}, {@code effective_time_frame}, {@code reported_activity_intensity},
 * {@code met_value}) as exercise events, so apps that speak that format need no mapping layer.
 * Fields Upright does not use ({@code distance}, {@code kcal_burned}, provenance) are ignored.
 */
@ApplicationScoped
public class OpenMHealthReader {

    /** Common names in other apps' vocabularies for the activities Upright knows. */
    private static final Map<String, String> ACTIVITY_ALIASES = Map.ofEntries(
            Map.entry("walk", "walking"), Map.entry("run", "running"), Map.entry("jog", "jogging"),
            Map.entry("bike", "cycling"), Map.entry("biking", "cycling"), Map.entry("bicycling", "cycling"),
            Map.entry("swim", "swimming"), Map.entry("hike", "hiking"),
            Map.entry("weight-lifting", "strength-training"), Map.entry("weight-training", "strength-training"),
            Map.entry("resistance-training", "strength-training"), Map.entry("strength", "strength-training"));

    @Inject
    ObjectMapper mapper;

    public EventBodyReader.Body read(byte[] body) throws IOException {
        EventBodyReader.checkBodySize(body);
        JsonNode root = mapper.readTree(new String(body, StandardCharsets.UTF_8));
        if (root == null || !(root.isObject() || root.isArray())) {
            throw new InvalidRequestException("", "the body must be one Open mHealth data point or an array of them");
        }
        if (root.isObject()) {
            return new EventBodyReader.Body(List.of(read(0, root)), false);
        }
        EventBodyReader.checkBatchLength(root.size());
        List<ParsedItem> items = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            items.add(read(i, root.get(i)));
        }
        return new EventBodyReader.Body(items, true);
    }

    ParsedItem read(int index, JsonNode point) {
        List<FieldError> errors = new ArrayList<>();
        JsonNode header = point.path("header");
        JsonNode body = point.path("body");
        String schemaName = header.path("schema_id").path("name").asText("");
        if (!"physical-activity".equals(schemaName)) {
            errors.add(new FieldError("header.schema_id.name", "must be physical-activity; other schemas are not imported", index));
        }
        UUID eventId = eventId(header, index, errors);
        String activity = activity(body.path("activity_name"), index, errors);
        OffsetDateTime[] interval = interval(body.path("effective_time_frame"), index, errors);
        Intensity intensity = intensity(body.path("reported_activity_intensity"), index, errors);
        Double mets = mets(body.path("met_value"), index, errors);
        if (!errors.isEmpty()) {
            return ParsedItem.unreadable(index, errors);
        }
        return ParsedItem.of(index, new EventRequest(eventId, EventType.EXERCISE, interval[0], interval[1], null,
                activity, intensity, mets, null, null, null, null, null, null, null, null, null));
    }

    /** The data point's own id keeps a re-import idempotent; one that is not a UUID is turned into one. */
    private static UUID eventId(JsonNode header, int index, List<FieldError> errors) {
        String id = header.hasNonNull("uuid") ? header.get("uuid").asText() : header.path("id").asText(null);
        if (id == null || id.isBlank()) {
            errors.add(new FieldError("header.uuid", "is required: the data point's id", index));
            return null;
        }
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException notAUuid) {
            return UUID.nameUUIDFromBytes(("open-mhealth:" + id).getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String activity(JsonNode name, int index, List<FieldError> errors) {
        if (!name.isTextual() || name.asText().isBlank()) {
            errors.add(new FieldError("body.activity_name", "is required", index));
            return null;
        }
        String word = name.asText().trim().toLowerCase(Locale.ROOT).replaceAll("[\\s_]+", "-");
        word = ACTIVITY_ALIASES.getOrDefault(word, word);
        return Vocabulary.isActivity(word) ? word : Vocabulary.OTHER_ACTIVITY;
    }

    private static OffsetDateTime[] interval(JsonNode frame, int index, List<FieldError> errors) {
        JsonNode interval = frame.path("time_interval");
        if (interval.isMissingNode()) {
            errors.add(new FieldError("body.effective_time_frame.time_interval",
                    "is required: an activity has a start and an end (a single date_time is not enough)", index));
            return new OffsetDateTime[2];
        }
        try {
            OffsetDateTime start = interval.hasNonNull("start_date_time") ? OffsetDateTime.parse(interval.get("start_date_time").asText()) : null;
            OffsetDateTime end = interval.hasNonNull("end_date_time") ? OffsetDateTime.parse(interval.get("end_date_time").asText()) : null;
            Duration duration = interval.has("duration") ? duration(interval.get("duration")) : null;
            if (start == null && end != null && duration != null) {
                start = end.minus(duration);
            } else if (end == null && start != null && duration != null) {
                end = start.plus(duration);
            }
            if (start == null || end == null) {
                errors.add(new FieldError("body.effective_time_frame.time_interval",
                        "needs two of start_date_time, end_date_time and duration", index));
            }
            return new OffsetDateTime[] {start, end};
        } catch (DateTimeException | IllegalArgumentException e) {
            errors.add(new FieldError("body.effective_time_frame.time_interval", "cannot be read: " + e.getMessage(), index));
            return new OffsetDateTime[2];
        }
    }

    private static Duration duration(JsonNode duration) {
        double value = duration.path("value").asDouble(Double.NaN);
        String unit = duration.path("unit").asText("");
        ChronoUnit chronoUnit = switch (unit) {
            case "ms" -> ChronoUnit.MILLIS;
            case "sec", "s" -> ChronoUnit.SECONDS;
            case "min" -> ChronoUnit.MINUTES;
            case "h" -> ChronoUnit.HOURS;
            default -> throw new IllegalArgumentException("duration unit '" + unit + "' is not one of ms, sec, min, h");
        };
        if (Double.isNaN(value) || value < 0) {
            throw new IllegalArgumentException("duration value must be a number of at least 0");
        }
        return Duration.ofMillis(Math.round(value * chronoUnit.getDuration().toMillis()));
    }

    private static Intensity intensity(JsonNode reported, int index, List<FieldError> errors) {
        if (reported.isMissingNode() || reported.isNull()) {
            return null;
        }
        try {
            return Intensity.fromWireName(reported.asText());
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("body.reported_activity_intensity", "must be light, moderate or vigorous", index));
            return null;
        }
    }

    private static Double mets(JsonNode metValue, int index, List<FieldError> errors) {
        JsonNode number = metValue.isObject() ? metValue.path("value") : metValue;
        if (number.isMissingNode() || number.isNull()) {
            return null;
        }
        if (!number.isNumber()) {
            errors.add(new FieldError("body.met_value", "must be a number", index));
            return null;
        }
        return number.asDouble();
    }
}
