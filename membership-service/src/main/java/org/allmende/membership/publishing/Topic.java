package org.allmende.membership.publishing;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A topic of the contract (membership's, or the usage topic), created on first use with the configured partitions
 * (the unit of billing's scale-out).
 */
class Topic {

    private static final Logger log = LoggerFactory.getLogger(Topic.class);

    private final PublishingProperties properties;
    private final String name;
    private volatile boolean exists;

    /** The membership topic. */
    Topic(PublishingProperties properties) {
        this(properties, properties.topic());
    }

    Topic(PublishingProperties properties, String name) {
        this.properties = properties;
        this.name = name;
    }

    String name() {
        return name;
    }

    void ensureExists() {
        if (exists) {
            return;
        }
        try (var admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                properties.bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                10_000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                5_000))) {
            if (!admin.listTopics().names().get(10, TimeUnit.SECONDS).contains(name())) {
                admin.createTopics(List.of(new NewTopic(name(), properties.partitions(), properties.replicationFactor())
                                .configs(
                                        Map.of("min.insync.replicas", properties.replicationFactor() > 1 ? "2" : "1"))))
                        .all()
                        .get(10, TimeUnit.SECONDS);
                log.info("created topic {} with {} partitions", name(), properties.partitions());
            }
            exists = true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                exists = true;
                return;
            }
            throw new IllegalStateException("cannot create topic " + name(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka at " + properties.bootstrapServers() + " does not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
