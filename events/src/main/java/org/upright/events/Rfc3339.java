package org.upright.events;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Reads the date-times on Upright's topics, which are RFC 3339 ({@code 2026-11-24T07:00:00+01:00},
 * optionally with a fraction), without java.time's general-purpose parser: that one took an eighth
 * of advice-service's CPU (bench/run-advice, JFR), and much of activity-service's reading of a
 * batch. Anything else goes to {@link OffsetDateTime#parse},
 * so what is accepted, and how it is refused, does not change.
 */
public final class Rfc3339 {

    private static final int[] NANOS_PER_DIGIT = {0, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1};

    private Rfc3339() {
    }

    /** Jackson reading {@link OffsetDateTime}s this way; register it after the JavaTimeModule. */
    public static Module module() {
        return new SimpleModule("rfc3339").addDeserializer(OffsetDateTime.class, new Deserializer());
    }

    public static OffsetDateTime parse(String text) {
        OffsetDateTime parsed = parseCommonForm(text);
        return parsed != null ? parsed : OffsetDateTime.parse(text);
    }

    /** The value, or null when the text is not in the common form (or not a valid date-time). */
    private static OffsetDateTime parseCommonForm(String text) {
        int length = text.length();
        if (length < 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        int at = 19;
        int nano = 0;
        if (text.charAt(at) == '.') {
            int first = ++at;
            while (at < length && Character.isDigit(text.charAt(at)) && at - first < 9) {
                at++;
            }
            int fraction = digits(text, first, at - first);
            if (at == first || fraction < 0) {
                return null;
            }
            nano = fraction * NANOS_PER_DIGIT[at - first];
        }
        ZoneOffset offset = offset(text, at);
        if (offset == null) {
            return null;
        }
        try {
            return OffsetDateTime.of(year, month, day, hour, minute, second, nano, offset);
        } catch (DateTimeException outOfRange) {
            return null;
        }
    }

    /** {@code Z} or {@code ±hh:mm} ending the text at {@code at}. */
    private static ZoneOffset offset(String text, int at) {
        int left = text.length() - at;
        if (left == 1 && text.charAt(at) == 'Z') {
            return ZoneOffset.UTC;
        }
        if (left != 6 || text.charAt(at + 3) != ':') {
            return null;
        }
        char sign = text.charAt(at);
        int hours = digits(text, at + 1, 2);
        int minutes = digits(text, at + 4, 2);
        if ((sign != '+' && sign != '-') || (hours | minutes) < 0 || hours > 18 || minutes > 59) {
            return null;
        }
        int seconds = hours * 3600 + minutes * 60;
        try {
            return ZoneOffset.ofTotalSeconds(sign == '-' ? -seconds : seconds);
        } catch (DateTimeException outOfRange) {
            return null;
        }
    }

    /** The decimal number in {@code count} characters from {@code from}, or -1 if one is no digit. */
    private static int digits(String text, int from, int count) {
        if (from + count > text.length()) {
            return -1;
        }
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** Jackson's reading of an {@link OffsetDateTime} through {@link #parse}; other JSON than a string as before. */
    private static final class Deserializer extends StdScalarDeserializer<OffsetDateTime> {

        Deserializer() {
            super(OffsetDateTime.class);
        }

        @Override
        public OffsetDateTime deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return InstantDeserializer.OFFSET_DATE_TIME.deserialize(parser, context);
            }
            String text = parser.getText().trim();
            try {
                return parse(text);
            } catch (DateTimeException e) {
                return (OffsetDateTime) context.handleWeirdStringValue(OffsetDateTime.class, text, e.getMessage());
            }
        }
    }
}
