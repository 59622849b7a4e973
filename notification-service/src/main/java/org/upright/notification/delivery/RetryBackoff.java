package org.upright.notification.delivery;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** How long a channel waits before its next attempt: doubling from the first wait, capped, with up to 20 % jitter either way. */
public record RetryBackoff(Duration firstRetry, Duration longestRetry) {

    /** The wait after {@code attempts} failed attempts (1 or more). */
    public Duration after(int attempts) {
        long millis = Math.min(longestRetry.toMillis(), firstRetry.toMillis() << Math.min(attempts - 1, 30));
        double jitter = 0.8 + ThreadLocalRandom.current().nextDouble() * 0.4;
        return Duration.ofMillis((long) (millis * jitter));
    }
}
