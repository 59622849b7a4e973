package org.upright.activity.profile;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.jboss.logging.Logger;
import org.upright.events.Topics;

/**
 * Creates {@link Topics#PROFILES} as a compacted topic at startup, before anything is published to
 * it: a broker that created it on first use would delete old records by age, and with them the
 * profiles of people who have not changed theirs for a while.
 */
@ApplicationScoped
public class ProfileTopic {

    private static final Logger LOG = Logger.getLogger(ProfileTopic.class);

    void create(@Observes StartupEvent startup, @Identifier("default-kafka-broker") Map<String, Object> kafka)
            throws InterruptedException {
        // Partitions and replication factor are the broker's defaults, as for the other topics.
        NewTopic topic = new NewTopic(Topics.PROFILES, Optional.empty(), Optional.empty())
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        Map<String, Object> settings = new HashMap<>(kafka);
        // The admin client refuses a request timeout (30 s by default) above kafka.default.api.timeout.ms,
        // which bounds this call.
        Object apiTimeout = kafka.get(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG);
        if (apiTimeout != null) {
            settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, apiTimeout);
        }
        try (Admin admin = Admin.create(settings)) {
            admin.createTopics(List.of(topic)).all().get();
            LOG.infof("created the compacted topic %s", Topics.PROFILES);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("could not create the topic " + Topics.PROFILES, e.getCause());
            }
        }
    }
}
