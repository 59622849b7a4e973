package org.upright.advice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.common.annotation.Identifier;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.Test;
import org.upright.events.TopicCreation;
import org.upright.events.Topics;
import org.upright.localinfra.LocalInfraTestResource;

/** Topics are created, with a leader for every partition, before the service writes to them. */
@QuarkusTest
@WithTestResource(LocalInfraTestResource.class)
class OutgoingTopicsTest {

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafka;

    @Test
    void aNewTopicIsLedOnceCreatedAndCreatingItAgainChangesNothing() throws Exception {
        String name = "created-" + UUID.randomUUID();
        NewTopic topic = new NewTopic(name, Optional.of(3), Optional.empty());

        TopicCreation.ensure(kafka, List.of(topic));
        TopicCreation.ensure(kafka, List.of(topic));

        TopicDescription described = describe(name);
        assertEquals(3, described.partitions().size());
        assertTrue(described.partitions().stream().allMatch(partition -> partition.leader() != null), described.toString());
    }

    @Test
    void theTopicsThisServiceWritesExist() throws Exception {
        for (String name : List.of(Topics.ADVICE_ISSUED, Topics.ACTIVITY_EVENTS_DEAD_LETTER, Topics.PROFILES_DEAD_LETTER)) {
            assertEquals(name, describe(name).name());
        }
    }

    private TopicDescription describe(String name) throws Exception {
        try (Admin admin = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG)))) {
            return admin.describeTopics(List.of(name)).allTopicNames().get(30, TimeUnit.SECONDS).get(name);
        }
    }
}
