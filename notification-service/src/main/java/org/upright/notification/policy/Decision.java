package org.upright.notification.policy;

import java.time.Instant;

/** What the policy decided for one advice on one channel, and why, as the delivery log shows it. */
public record Decision(Channel channel, Outcome outcome, Instant at, String reason) {

    public enum Outcome {
        /** Push now. */
        PUSH,
        /** Push at {@code at}, when quiet hours end (the policy drops it instead if it would be stale by then). */
        DELAY,
        /** Not pushed; it stays in the inbox. */
        SUPPRESS
    }

    static Decision push(Channel channel, Instant now) {
        return new Decision(channel, Outcome.PUSH, now, "pushed");
    }

    static Decision delay(Channel channel, Instant until) {
        return new Decision(channel, Outcome.DELAY, until, "quiet hours: delayed until " + until);
    }

    static Decision suppress(Channel channel, Instant now, String reason) {
        return new Decision(channel, Outcome.SUPPRESS, now, reason);
    }
}
