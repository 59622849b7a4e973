package org.upright.advice;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.NewTopic;
import org.upright.events.TopicCreation;
import org.upright.events.Topics;

/**
 * Creates the topics this service writes at startup, before anything is published to them (see
 * {@link TopicCreation}). Partitions and replication factor are the broker's defaults.
 */
@ApplicationScoped
public class OutgoingTopics {

    void create(@Observes StartupEvent startup, @Identifier("default-kafka-broker") Map<String, Object> kafka)
            throws InterruptedException {
        TopicCreation.ensure(kafka, List.of(Topics.ADVICE_ISSUED, Topics.ACTIVITY_EVENTS_DEAD_LETTER, Topics.PROFILES_DEAD_LETTER)
                .stream().map(name -> new NewTopic(name, Optional.empty(), Optional.empty())).toList());
    }
}
