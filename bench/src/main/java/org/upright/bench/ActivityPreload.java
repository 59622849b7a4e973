package org.upright.bench;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.upright.events.ActivityEvent;
import org.upright.events.CloudEventTypes;
import org.upright.events.EventJson;
import org.upright.events.EventType;
import org.upright.events.Topics;

/**
 * A realistic backlog on activity-events: people's sitting bouts, posture samples, exercise,
 * stretch breaks, stress and the odd pain report over the last three weeks, as wearables would have
 * synced them. Seeded, so two runs preload the same events.
 */
final class ActivityPreload {

    private static final String[] ACTIVITIES = {"walking", "running", "cycling", "swimming", "strength-training", "yoga"};
    private static final String[] POSTURES = {"upright", "upright", "reclined", "slouched", "hunched"};

    private ActivityPreload() {
    }

    /**
     * Writes {@code count} events for {@code users} people, named {@code userPrefix} and a number,
     * and waits until the broker acknowledged them all.
     */
    static void write(String bootstrapServers, int count, int users, String userPrefix) throws Exception {
        Random random = new Random(userPrefix.hashCode());
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES);
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.BATCH_SIZE_CONFIG, 65536, ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            List<Future<RecordMetadata>> sent = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                ActivityEvent event = event(random, userPrefix + random.nextInt(users), now);
                ProducerRecord<String, String> record = new ProducerRecord<>(Topics.ACTIVITY_EVENTS, event.userId(), EventJson.write(event));
                record.headers().add("ce_id", event.eventId().toString().getBytes(StandardCharsets.UTF_8));
                record.headers().add("ce_type", CloudEventTypes.ACTIVITY_RECORDED.getBytes(StandardCharsets.UTF_8));
                sent.add(producer.send(record));
            }
            for (Future<RecordMetadata> ack : sent) {
                ack.get();
            }
        }
    }

    private static ActivityEvent event(Random random, String user, OffsetDateTime now) {
        OffsetDateTime start = now.minusMinutes(random.nextInt(21 * 24 * 60));
        int kind = random.nextInt(100);
        if (kind < 35) {
            return new ActivityEvent(UUID.randomUUID(), user, "/bench", EventType.SITTING, start, start.plusMinutes(10 + random.nextInt(80)),
                    "Europe/Berlin", null, null, null, null, null, null, null, null, null, null, null, "bout-" + UUID.randomUUID());
        }
        if (kind < 60) {
            return new ActivityEvent(UUID.randomUUID(), user, "/bench", EventType.POSTURE, start, start.plusMinutes(5 + random.nextInt(25)),
                    "Europe/Berlin", null, null, null, null, null, POSTURES[random.nextInt(POSTURES.length)], null, null, null, null, null, null);
        }
        if (kind < 75) {
            return new ActivityEvent(UUID.randomUUID(), user, "/bench", EventType.EXERCISE, start, start.plusMinutes(10 + random.nextInt(50)),
                    "Europe/Berlin", ACTIVITIES[random.nextInt(ACTIVITIES.length)], null, null, null, null, null, null, null, null, null, null, null);
        }
        if (kind < 85) {
            return new ActivityEvent(UUID.randomUUID(), user, "/bench", EventType.STRETCH, start, start.plusMinutes(3),
                    "Europe/Berlin", null, null, null, null, null, null, null, null, null, null, null, null);
        }
        if (kind < 95) {
            return new ActivityEvent(UUID.randomUUID(), user, "/bench", EventType.STRESS, start, start.plusMinutes(10 + random.nextInt(50)),
                    "Europe/Berlin", null, null, null, null, null, null, 20 + random.nextInt(80), null, null, null, null, null);
        }
        return new ActivityEvent(UUID.randomUUID(), user, "/bench", EventType.SYMPTOM, start, start,
                "Europe/Berlin", null, null, null, null, null, null, null, "lower-back", random.nextInt(9), "ache", null, null);
    }
}
