package org.upright.events;

/** Kafka topic names. Every topic is keyed by user id, so one person's records stay in order. */
public final class Topics {

    public static final String ACTIVITY_EVENTS = "activity-events";
    public static final String ACTIVITY_EVENTS_DEAD_LETTER = "activity-events-dlq";
    public static final String ADVICE_ISSUED = "advice-issued";
    public static final String ADVICE_ISSUED_DEAD_LETTER = "advice-issued-dlq";
    /**
     * Compacted, keyed by user id: the latest {@link ProfileChanged} per person is their profile, so
     * a consumer that reads it from the beginning knows everyone's zone and birth year.
     */
    public static final String PROFILES = "profiles";
    public static final String PROFILES_DEAD_LETTER = "profiles-dlq";

    private Topics() {
    }
}
