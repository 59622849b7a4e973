package org.upright.events;

/** Values of the {@code ce_type} header, one per record type and major version. */
public final class CloudEventTypes {

    public static final String ACTIVITY_RECORDED = "org.upright.activity.recorded.v1";
    public static final String ADVICE_ISSUED = "org.upright.advice.issued.v1";
    public static final String PROFILE_CHANGED = "org.upright.profile.changed.v1";

    private CloudEventTypes() {
    }
}
