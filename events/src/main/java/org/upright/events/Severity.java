package org.upright.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** How much an advice matters: urgent advice (see a doctor) is never capped or muted. */
public enum Severity {
    INFO, WARNING, URGENT;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Severity fromWireName(String wireName) {
        return Arrays.stream(values())
                .filter(severity -> severity.wireName().equals(wireName))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown severity: " + wireName));
    }
}
