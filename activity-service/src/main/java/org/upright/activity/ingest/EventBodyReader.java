package org.upright.activity.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.upright.problems.FieldError;
import org.upright.problems.InvalidRequestException;
import org.upright.problems.JsonErrors;
import org.upright.problems.TooLargeException;

/**
 * Reads a request body into items: one JSON event, a JSON array of events, or NDJSON (one event a
 * line). An item that cannot be read is kept with its errors, so one bad item never costs the
 * others; only a body that is none of these is refused whole.
 */
@ApplicationScoped
public class EventBodyReader {

    public static final int MAX_BATCH = 1000;
    public static final int MAX_BODY_BYTES = 1024 * 1024;

    @Inject
    ObjectMapper mapper;

    /** One event (an object) or a batch (an array). */
    public Body readJson(byte[] body) throws IOException {
        checkBodySize(body);
        if (startsWithArray(body)) {
            Optional<List<EventRequest>> wellFormed = readWellFormedArray(body);
            if (wellFormed.isPresent()) {
                List<EventRequest> events = wellFormed.get();
                checkBatchLength(events.size());
                List<ParsedItem> items = new ArrayList<>(events.size());
                for (int i = 0; i < events.size(); i++) {
                    items.add(ParsedItem.of(i, events.get(i)));
                }
                return new Body(items, true);
            }
        }
        JsonNode root = mapper.readTree(body);
        if (root == null || root.isMissingNode()) {
            throw new InvalidRequestException("", "the body is empty: send one event or an array of events");
        }
        if (root.isObject()) {
            return new Body(List.of(read(0, root)), false);
        }
        if (!root.isArray()) {
            throw new InvalidRequestException("", "the body must be one event (an object) or an array of events");
        }
        checkBatchLength(root.size());
        List<ParsedItem> items = new ArrayList<>(root.size());
        for (int i = 0; i < root.size(); i++) {
            items.add(read(i, root.get(i)));
        }
        return new Body(items, true);
    }

    public Body readNdjson(byte[] body) {
        checkBodySize(body);
        String[] lines = new String(body, StandardCharsets.UTF_8).split("\r?\n");
        List<String> events = new ArrayList<>();
        for (String line : lines) {
            if (!line.isBlank()) {
                events.add(line);
            }
        }
        checkBatchLength(events.size());
        List<ParsedItem> items = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            try {
                items.add(read(i, mapper.readTree(events.get(i))));
            } catch (JsonProcessingException e) {
                items.add(ParsedItem.unreadable(i, List.of(new FieldError("", JsonErrors.describe(e), i))));
            }
        }
        return new Body(items, true);
    }

    /**
     * Most batches read cleanly in one pass; only one with an unreadable item goes the slower way
     * through a JSON tree, which can name each bad item and keep the rest.
     */
    private Optional<List<EventRequest>> readWellFormedArray(byte[] body) {
        try {
            List<EventRequest> events = mapper.readerForListOf(EventRequest.class).readValue(body);
            return events.contains(null) ? Optional.empty() : Optional.of(events);
        } catch (IOException notAllReadable) {
            return Optional.empty();
        }
    }

    private static boolean startsWithArray(byte[] body) {
        for (byte b : body) {
            if (!Character.isWhitespace(b)) {
                return b == '[';
            }
        }
        return false;
    }

    /** The HTTP server stops bodies over 2 MiB with a bare 413; this answers the rest with a problem. */
    static void checkBodySize(byte[] body) {
        if (body.length > MAX_BODY_BYTES) {
            throw new TooLargeException("A request body may be at most 1 MiB (1048576 bytes); this one is " + body.length);
        }
    }

    static void checkBatchLength(int count) {
        if (count == 0) {
            throw new InvalidRequestException("", "the batch is empty");
        }
        if (count > MAX_BATCH) {
            throw new TooLargeException("a batch holds at most " + MAX_BATCH + " events; this one holds " + count);
        }
    }

    private ParsedItem read(int index, JsonNode node) {
        if (!node.isObject()) {
            return ParsedItem.unreadable(index, List.of(new FieldError("", "an event must be a JSON object", index)));
        }
        try {
            return ParsedItem.of(index, mapper.treeToValue(node, EventRequest.class));
        } catch (JsonProcessingException e) {
            return ParsedItem.unreadable(index, List.of(new FieldError(JsonErrors.fieldOf(e), JsonErrors.describe(e), index)));
        }
    }

    /** The items, and whether they came as a batch (answered per item) or as one event. */
    public record Body(List<ParsedItem> items, boolean batch) {
    }
}
