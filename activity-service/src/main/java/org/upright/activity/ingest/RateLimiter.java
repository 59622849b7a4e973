package org.upright.activity.ingest;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.upright.problems.RateLimitedException;

/**
 * A token bucket per caller (device, or person posting with a JWT): a burst, then a steady rate.
 * Per instance: with N instances behind a balancer a caller gets up to N times the rate.
 */
@ApplicationScoped
public class RateLimiter {

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10))
            .maximumSize(1_000_000)
            .build();

    @ConfigProperty(name = "upright.ingest.rate-limit.requests-per-second", defaultValue = "10")
    double ratePerSecond;

    @ConfigProperty(name = "upright.ingest.rate-limit.burst", defaultValue = "20")
    int burst;

    /** @throws RateLimitedException when the caller has no request left right now */
    public void acquire(String caller) {
        long waitNanos = buckets.get(caller, key -> new Bucket(burst)).take(burst, ratePerSecond, System.nanoTime());
        if (waitNanos > 0) {
            long seconds = Math.max(1, (long) Math.ceil(waitNanos / 1e9));
            String rate = BigDecimal.valueOf(ratePerSecond).stripTrailingZeros().toPlainString();
            throw new RateLimitedException("At most " + burst + " requests at once and " + rate
                    + " a second per device; send batches rather than single events", seconds);
        }
    }

    /** Tokens refill continuously; {@code take} answers 0 when it took one, else how long until one is there. */
    static final class Bucket {

        private double tokens;
        private long refilledAt;

        Bucket(int burst) {
            this.tokens = burst;
            this.refilledAt = System.nanoTime();
        }

        synchronized long take(int burst, double ratePerSecond, long now) {
            tokens = Math.min(burst, tokens + (now - refilledAt) / 1e9 * ratePerSecond);
            refilledAt = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) ((1 - tokens) / ratePerSecond * 1e9);
        }
    }
}
