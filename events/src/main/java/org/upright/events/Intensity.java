package org.upright.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** Aerobic intensity as the CDC defines it: light below 3 METs, moderate 3 to 5.9, vigorous 6 and above. */
public enum Intensity {
    LIGHT, MODERATE, VIGOROUS;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Intensity fromWireName(String wireName) {
        return Arrays.stream(values())
                .filter(intensity -> intensity.wireName().equals(wireName))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown intensity: " + wireName));
    }
}
