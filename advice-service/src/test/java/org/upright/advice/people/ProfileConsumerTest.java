package org.upright.advice.people;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.upright.advice.flow.Flow.PATIENCE;
import static org.upright.advice.flow.Flow.bootstrapServers;
import static org.upright.advice.flow.Flow.newUser;
import static org.upright.localinfra.TopicReader.header;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.upright.advice.flow.Flow;
import org.upright.events.EventJson;
import org.upright.events.ProfileChanged;
import org.upright.events.Topics;
import org.upright.localinfra.LocalInfraTestResource;
import org.upright.localinfra.TopicReader;
import org.upright.localinfra.TopicWriter;

/** Profiles through the real broker: the newest is kept, and one that cannot be read is dead-lettered as this service's. */
@QuarkusTest
@WithTestResource(LocalInfraTestResource.class)
class ProfileConsumerTest {

    @Inject
    People people;

    @Test
    void anUnreadableProfileIsDeadLetteredAsThisServicesAndTheNextIsKept() {
        String user = newUser();
        TopicWriter.write(bootstrapServers(), Topics.PROFILES, user, "{\"userId\": \"" + user + "\", \"timeZone\": \"Mars/Olympus\"}", Map.of());
        Flow.publishProfile(user, "Asia/Tokyo", 1980);

        List<ConsumerRecord<String, String>> dead = TopicReader.read(bootstrapServers(), Topics.PROFILES_DEAD_LETTER,
                record -> user.equals(record.key()) && "advice-service".equals(header(record, "dead-letter-consumer")), 1, PATIENCE);
        assertEquals(1, dead.size());
        assertNotNull(header(dead.get(0), "dead-letter-reason"));
        assertEquals(new People.Known("Asia/Tokyo", 1980), stored(user));
    }

    @Test
    void aProfileOlderThanTheOneKeptChangesNothing() {
        String user = newUser();
        Flow.publishProfile(user, "Europe/Lisbon", 1975);

        TopicWriter.write(bootstrapServers(), Topics.PROFILES, user,
                EventJson.write(new ProfileChanged(user, "Asia/Tokyo", 1990, Instant.now().minus(1, ChronoUnit.HOURS))), Map.of());

        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3))
                .until(() -> new People.Known("Europe/Lisbon", 1975).equals(stored(user)));
    }

    private People.Known stored(String user) {
        return people.byId(List.of(user)).get(user);
    }
}
