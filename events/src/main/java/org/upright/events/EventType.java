package org.upright.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What a wearable reports. The wire form is the lower-case name. */
public enum EventType {
    SITTING, POSTURE, EXERCISE, STRETCH, STRESS, SYMPTOM;

    private static final WireNames<EventType> WIRE_NAMES = new WireNames<>(values(), "event type");

    private final String wireName = WireNames.of(this);

    @JsonValue
    public String wireName() {
        return wireName;
    }

    @JsonCreator
    public static EventType fromWireName(String wireName) {
        return WIRE_NAMES.constant(wireName);
    }
}
