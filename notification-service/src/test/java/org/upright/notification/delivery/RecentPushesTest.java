package org.upright.notification.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RecentPushesTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void anAdvicePushedOnSeveralChannelsCountsOnceTowardsItsDay() {
        RecentPushes pushes = new RecentPushes(BERLIN);
        UUID advice = UUID.randomUUID();
        pushes.add(advice, "posture-poor", Instant.parse("2026-11-26T10:00:00Z"));
        pushes.add(advice, "posture-poor", Instant.parse("2026-11-26T10:00:00Z"));
        pushes.add(UUID.randomUUID(), "stress-high", Instant.parse("2026-11-26T11:00:00Z"));

        assertEquals(2, pushes.pushedOn(LocalDate.parse("2026-11-26")));
    }

    @Test
    void aPushCountsTowardsTheDayOfThePersonsZone() {
        RecentPushes pushes = new RecentPushes(BERLIN);
        pushes.add(UUID.randomUUID(), "posture-poor", Instant.parse("2026-11-25T23:30:00Z")); // 00:30 on the 26th in Berlin
        pushes.add(UUID.randomUUID(), "posture-poor", Instant.parse("2026-11-25T22:59:59Z")); // 23:59:59 on the 25th

        assertEquals(1, pushes.pushedOn(LocalDate.parse("2026-11-25")));
        assertEquals(1, pushes.pushedOn(LocalDate.parse("2026-11-26")));
        assertEquals(0, pushes.pushedOn(LocalDate.parse("2026-11-27")));
    }

    @Test
    void aRulesLastPushIsItsLatestWhateverTheOrderTheyWereAddedIn() {
        RecentPushes pushes = new RecentPushes(BERLIN);
        pushes.add(UUID.randomUUID(), "posture-poor", Instant.parse("2026-11-26T12:00:00Z"));
        pushes.add(UUID.randomUUID(), "posture-poor", Instant.parse("2026-11-26T09:00:00Z"));
        pushes.add(UUID.randomUUID(), "stress-high", Instant.parse("2026-11-26T13:00:00Z"));

        assertEquals(Optional.of(Instant.parse("2026-11-26T12:00:00Z")), pushes.lastPushOf("posture-poor"));
        assertEquals(Optional.empty(), pushes.lastPushOf("sitting-long-day"));
    }
}
