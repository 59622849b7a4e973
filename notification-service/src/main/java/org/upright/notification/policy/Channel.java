package org.upright.notification.policy;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a nudge is pushed. The inbox is not a channel: every advice lands there, whatever the policy says. */
public enum Channel {
    STREAM, WEBHOOK, EMAIL;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The channel of a wire name such as {@code webhook}; empty for any other name. */
    public static Optional<Channel> fromWireName(String wireName) {
        return Arrays.stream(values()).filter(channel -> channel.wireName().equals(wireName)).findFirst();
    }
}
