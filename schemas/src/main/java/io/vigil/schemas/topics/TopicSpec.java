package io.vigil.schemas.topics;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One topic of the catalogue: what it carries, how it is keyed and why, and how long it is kept.
 *
 * @param retention empty for forever (compacted state)
 */
public record TopicSpec(
        String name,
        String key,
        Class<?> valueType,
        CleanupPolicy cleanupPolicy,
        Optional<Duration> retention,
        Partitioning partitioning,
        String why) {

    public TopicSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(valueType, "valueType");
        Objects.requireNonNull(cleanupPolicy, "cleanupPolicy");
        Objects.requireNonNull(retention, "retention");
        Objects.requireNonNull(partitioning, "partitioning");
        Objects.requireNonNull(why, "why");
    }

    public int partitions(int chatPartitions) {
        return partitioning == Partitioning.SINGLE ? 1 : chatPartitions;
    }

    public NewTopic toNewTopic(int chatPartitions, short replicationFactor) {
        Map<String, String> configs = new HashMap<>();
        configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, cleanupPolicy.configValue());
        configs.put(TopicConfig.RETENTION_MS_CONFIG, retention.map(d -> Long.toString(d.toMillis())).orElse("-1"));
        if (replicationFactor > 1) {
            // With acks=all (idempotent and transactional producers), two in-sync copies survive the loss of one broker.
            configs.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "2");
        }
        return new NewTopic(name, partitions(chatPartitions), replicationFactor).configs(configs);
    }
}
