package io.vigil.runtime.kafka;

import io.vigil.runtime.config.KafkaSettings;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The one place a service's plain Kafka clients (producers, consumers, admin) are made. Each gets the cluster's
 * address and the deployment's {@code kafka.extra} settings (TLS, SASL, client rack, ...), so a cluster that
 * needs credentials is reached by every client, not only by Kafka Streams. Settings that only Streams knows are
 * left out, so the clients do not warn about them.
 */
public final class KafkaClients {

    /** Prefixes of settings that belong to Kafka Streams alone (its own names, and its per-client prefixes). */
    private static final Set<String> STREAMS_ONLY_PREFIXES = Set.of("application.", "num.stream.threads", "processing.guarantee",
            "state.dir", "replication.factor", "num.standby.replicas", "topology.", "statestore.", "cache.", "default.",
            "rack.aware.", "max.task.idle", "task.", "producer.", "consumer.", "main.consumer.", "restore.consumer.",
            "global.consumer.", "admin.", "errors.", "deserialization.", "processing.", "production.", "upgrade.from",
            "window.", "acceptable.recovery.lag", "probing.rebalance", "max.warmup.replicas", "commit.interval.ms",
            "buffered.records", "statestore.cache", "dsl.", "rocksdb.", "log.summary", "repartition.", "ensure.explicit");

    private final KafkaSettings kafka;

    public KafkaClients(KafkaSettings kafka) {
        this.kafka = kafka;
    }

    /**
     * The settings every client shares: the bootstrap servers, the short back-offs of {@link ClientBackoffs}, and the
     * client-level part of {@code kafka.extra} (which may override them).
     */
    public Map<String, Object> common(String clientId) {
        Map<String, Object> config = new HashMap<>(ClientBackoffs.settings());
        kafka.extra().forEach((key, value) -> {
            if (STREAMS_ONLY_PREFIXES.stream().noneMatch(key::startsWith)) {
                config.put(key, value);
            }
        });
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId);
        return config;
    }

    /** An idempotent producer that waits for every in-sync replica: a record it reports sent is not lost. */
    public <K, V> KafkaProducer<K, V> producer(String clientId, Serializer<K> keys, Serializer<V> values) {
        Map<String, Object> config = common(clientId);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return new KafkaProducer<>(config, keys, values);
    }

    /** A consumer without a group that sees committed records only (it assigns partitions itself). */
    public <K, V> KafkaConsumer<K, V> committedReader(String clientId, Deserializer<K> keys, Deserializer<V> values) {
        Map<String, Object> config = common(clientId);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(config, keys, values);
    }

    public Admin admin(String clientId) {
        return Admin.create(common(clientId));
    }
}
