package org.upright.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;

/**
 * The one JSON form of every record on Upright's topics, used by producers and consumers alike.
 * Instants are ISO-8601 strings and keep the offset the wearable sent.
 */
public final class EventJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .registerModule(Rfc3339.module())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            // A newer producer may add fields; an older consumer reads what it knows.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    /**
     * A reader per record type, its deserializer found once: {@code readValue(json, type)} resolved
     * the type and looked its deserializer up on every record (JFR, bench/run-advice).
     */
    private static final ClassValue<ObjectReader> READERS = new ClassValue<>() {
        @Override
        protected ObjectReader computeValue(Class<?> type) {
            return MAPPER.readerFor(type);
        }
    };

    private EventJson() {
    }

    public static String write(Object record) {
        try {
            return MAPPER.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + record.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** The same as {@link #write}, as UTF-8 bytes written directly: what a producer sends. */
    public static byte[] writeBytes(Object record) {
        try {
            return MAPPER.writeValueAsBytes(record);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + record.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** @throws MalformedRecordException when the JSON does not fit the record */
    public static <T> T read(String json, Class<T> type) {
        try {
            return READERS.get(type).readValue(json);
        } catch (JsonProcessingException e) {
            throw new MalformedRecordException("not a valid " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    /** The same as {@link #read(String, Class)}, from UTF-8 bytes as a consumer receives them, without making a String first. */
    public static <T> T read(byte[] json, Class<T> type) {
        try {
            return READERS.get(type).readValue(json);
        } catch (IOException e) {
            throw new MalformedRecordException("not a valid " + type.getSimpleName() + ": " + originalMessage(e), e);
        }
    }

    private static String originalMessage(IOException e) {
        return e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
    }
}
