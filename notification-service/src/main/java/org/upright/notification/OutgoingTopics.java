package org.upright.notification;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.stream.Stream;
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
        TopicCreation.ensure(kafka, Stream.of(Topics.ADVICE_ISSUED_DEAD_LETTER, Topics.PROFILES_DEAD_LETTER)
                .map(TopicCreation::withBrokerDefaults).toList());
    }
}
