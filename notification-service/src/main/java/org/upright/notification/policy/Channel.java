package org.upright.notification.policy;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a nudge is pushed. The inbox is not a channel: every advice lands there, whatever the policy says. */
public enum Channel {
    STREAM, WEBHOOK, EMAIL;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
