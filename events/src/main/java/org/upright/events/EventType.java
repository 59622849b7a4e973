package org.upright.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** What a wearable reports. The wire form is the lower-case name. */
public enum EventType {
    SITTING, POSTURE, EXERCISE, STRETCH, STRESS, SYMPTOM;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static EventType fromWireName(String wireName) {
        return Arrays.stream(values())
                .filter(type -> type.wireName().equals(wireName))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown event type: " + wireName));
    }
}
