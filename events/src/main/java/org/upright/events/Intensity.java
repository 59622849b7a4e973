package org.upright.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Aerobic intensity as the CDC defines it: light below 3 METs, moderate 3 to 5.9, vigorous 6 and above. */
public enum Intensity {
    LIGHT, MODERATE, VIGOROUS;

    private static final WireNames<Intensity> WIRE_NAMES = new WireNames<>(values(), "intensity");

    private final String wireName = WireNames.of(this);

    @JsonValue
    public String wireName() {
        return wireName;
    }

    @JsonCreator
    public static Intensity fromWireName(String wireName) {
        return WIRE_NAMES.constant(wireName);
    }
}
