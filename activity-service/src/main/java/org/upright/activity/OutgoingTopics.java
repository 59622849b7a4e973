package org.upright.activity;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.TopicConfig;
import org.upright.events.TopicCreation;
import org.upright.events.Topics;

/**
 * Creates the topics this service writes at startup, before anything is published to them (see
 * {@link TopicCreation}). {@link Topics#PROFILES} is compacted: a broker that created it on first use
 * would delete old records by age, and with them the profiles of people who have not changed theirs
 * for a while. Partitions and replication factor are the broker's defaults.
 */
@ApplicationScoped
public class OutgoingTopics {

    void create(@Observes StartupEvent startup, @Identifier("default-kafka-broker") Map<String, Object> kafka)
            throws InterruptedException {
        TopicCreation.ensure(kafka, List.of(
                TopicCreation.withBrokerDefaults(Topics.ACTIVITY_EVENTS),
                TopicCreation.withBrokerDefaults(Topics.PROFILES)
                        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))));
    }
}
