package org.upright.advice.rules;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * UUIDs of version 7 (RFC 9562): the millisecond they were made, then random bits. Advice ids are
 * made this way so that each new one lands at the end of the primary key's B-tree (here and in
 * notification-service's inbox) instead of on a random page of it.
 */
final class TimeOrderedUuid {

    private TimeOrderedUuid() {
    }

    static UUID next(long epochMillis) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long mostSignificant = (epochMillis << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
        long leastSignificant = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(mostSignificant, leastSignificant);
    }
}
