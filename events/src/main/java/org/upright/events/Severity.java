package org.upright.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How much an advice matters: urgent advice (see a doctor) is never capped or muted. */
public enum Severity {
    INFO, WARNING, URGENT;

    private static final WireNames<Severity> WIRE_NAMES = new WireNames<>(values(), "severity");

    private final String wireName = WireNames.of(this);

    @JsonValue
    public String wireName() {
        return wireName;
    }

    @JsonCreator
    public static Severity fromWireName(String wireName) {
        return WIRE_NAMES.constant(wireName);
    }
}
