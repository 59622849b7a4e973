package org.upright.bench;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/** Realistic wearable events, made before the clock starts so the generator costs little while it runs. */
final class EventBodies {

    private static final String[] ACTIVITIES = {"walking", "running", "cycling", "yoga", "strength-training", "swimming"};
    private static final String[] POSTURES = {"upright", "slouched", "hunched", "reclined"};

    private final SplittableRandom random = new SplittableRandom(42);
    private final OffsetDateTime base = OffsetDateTime.now(ZoneOffset.ofHours(1)).minusDays(2).truncatedTo(ChronoUnit.SECONDS);

    /** One event as a device posts it: exercise, sitting, posture, stretch and stress in a typical mix. */
    String event() {
        OffsetDateTime start = base.plusSeconds(random.nextInt(36 * 3600));
        OffsetDateTime end = start.plusMinutes(1 + random.nextInt(45));
        String common = "\"eventId\": \"" + UUID.randomUUID() + "\", \"start\": \"" + start + "\", \"end\": \"" + end
                + "\", \"timeZone\": \"Europe/Berlin\"";
        return switch (random.nextInt(5)) {
            case 0 -> "{" + common + ", \"type\": \"exercise\", \"activity\": \"" + ACTIVITIES[random.nextInt(ACTIVITIES.length)]
                    + "\", \"mets\": " + (2 + random.nextInt(80) / 10.0) + ", \"avgHeartRate\": " + (90 + random.nextInt(80)) + "}";
            case 1 -> "{" + common + ", \"type\": \"sitting\", \"boutId\": \"bout-" + random.nextInt(1_000_000) + "\"}";
            case 2 -> "{" + common + ", \"type\": \"posture\", \"posture\": \"" + POSTURES[random.nextInt(POSTURES.length)] + "\"}";
            case 3 -> "{" + common + ", \"type\": \"stretch\"}";
            default -> "{" + common + ", \"type\": \"stress\", \"level\": " + random.nextInt(101) + "}";
        };
    }

    List<String> events(int count) {
        List<String> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            events.add(event());
        }
        return events;
    }

    List<String> batches(int count, int eventsPerBatch) {
        List<String> batches = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            batches.add("[" + String.join(",", events(eventsPerBatch)) + "]");
        }
        return batches;
    }
}
