package org.upright.advice.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimeOrderedUuidTest {

    @Test
    void isAVersion7UuidThatCarriesItsMillisecond() {
        long millis = Instant.parse("2026-11-27T05:00:00.123Z").toEpochMilli();
        UUID id = TimeOrderedUuid.next(millis);

        assertEquals(7, id.version());
        assertEquals(2, id.variant());
        assertEquals(millis, id.getMostSignificantBits() >>> 16);
        assertEquals(UUID.fromString(id.toString()), id);
    }

    @Test
    void aLaterMillisecondSortsAfterAsPostgresqlComparesUuidsByteByByte() {
        long millis = Instant.parse("2026-11-27T05:00:00Z").toEpochMilli();
        UUID earlier = TimeOrderedUuid.next(millis);
        UUID later = TimeOrderedUuid.next(millis + 1);

        assertTrue(earlier.toString().compareTo(later.toString()) < 0, earlier + " before " + later);
    }

    @Test
    void idsOfOneMillisecondDiffer() {
        long millis = Instant.parse("2026-11-27T05:00:00Z").toEpochMilli();

        assertNotEquals(TimeOrderedUuid.next(millis), TimeOrderedUuid.next(millis));
    }
}
