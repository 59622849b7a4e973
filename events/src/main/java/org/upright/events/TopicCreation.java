package org.upright.events;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the topics a service writes before it writes to them, and waits until the broker leads
 * every partition. A producer that created a topic on first use could lose its first records:
 * with several requests in flight, one that reached the partition before the broker had it failed
 * and was then refused as out of order until the delivery timeout, two minutes later (KAFKA-15591,
 * seen with broker 4.1.2 in bench/run-advice).
 */
public final class TopicCreation {

    private static final Duration LEADER_WAIT = Duration.ofSeconds(30);

    private TopicCreation() {
    }

    /** A topic with the broker's default partitions and replication factor. */
    public static NewTopic withBrokerDefaults(String name) {
        return new NewTopic(name, Optional.empty(), Optional.empty());
    }

    /**
     * @param kafka the service's Kafka client settings
     * @param topics the topics; one that exists already is left as it is
     */
    public static void ensure(Map<String, Object> kafka, List<NewTopic> topics) throws InterruptedException {
        Map<String, Object> settings = new HashMap<>(kafka);
        // The admin client refuses a request timeout (30 s by default) above default.api.timeout.ms.
        Object apiTimeout = kafka.get(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG);
        if (apiTimeout != null) {
            settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, apiTimeout);
        }
        try (Admin admin = Admin.create(settings)) {
            CreateTopicsResult created = admin.createTopics(topics);
            for (NewTopic topic : topics) {
                try {
                    created.values().get(topic.name()).get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("could not create the topic " + topic.name(), e.getCause());
                    }
                }
            }
            awaitLeaders(admin, topics.stream().map(NewTopic::name).toList());
        }
    }

    private static void awaitLeaders(Admin admin, List<String> names) throws InterruptedException {
        long deadline = System.nanoTime() + LEADER_WAIT.toNanos();
        while (true) {
            try {
                Map<String, TopicDescription> described = admin.describeTopics(names).allTopicNames().get();
                if (described.values().stream().allMatch(topic -> topic.partitions().stream().allMatch(p -> p.leader() != null))) {
                    return;
                }
            } catch (ExecutionException e) {
                // not known to the broker yet: look again
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the broker did not lead every partition of " + names + " within " + LEADER_WAIT);
            }
            Thread.sleep(100);
        }
    }
}
