package org.upright.activity.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void burstIsServedAtOnceThenTheRate() {
        RateLimiter.Bucket bucket = new RateLimiter.Bucket(3);
        long now = System.nanoTime();

        assertEquals(0, bucket.take(3, 2, now));
        assertEquals(0, bucket.take(3, 2, now));
        assertEquals(0, bucket.take(3, 2, now));
        long wait = bucket.take(3, 2, now);
        assertEquals(SECOND / 2, wait, SECOND / 100, "at 2 a second the next token comes in half a second");
        assertEquals(0, bucket.take(3, 2, now + SECOND / 2));
    }

    @Test
    void idleTimeRefillsNoMoreThanTheBurst() {
        RateLimiter.Bucket bucket = new RateLimiter.Bucket(2);
        long later = System.nanoTime() + 3600 * SECOND;

        assertEquals(0, bucket.take(2, 10, later));
        assertEquals(0, bucket.take(2, 10, later));
        assertTrue(bucket.take(2, 10, later) > 0);
    }
}
