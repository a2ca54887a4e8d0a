package io.vigil.runtime.config;

import java.util.List;
import java.util.Map;

/**
 * How a service reaches Kafka and runs its Streams application; the same section in every service's configuration.
 *
 * @param commitIntervalMs  under exactly-once, a hop's output becomes visible downstream only when the transaction
 *                          commits, so this bounds each hop's added latency; Streams' exactly-once default (100 ms) is
 *                          kept low for the same reason
 * @param producerLingerMs  Streams' producer waits up to 100 ms by default to fill batches; at moderation traffic the
 *                          batches fill anyway under load, and a short linger keeps a quiet group's alert fast
 * @param chatPartitions    partitions of every chat-keyed topic when Vigil creates them (they must all be equal)
 * @param extra             any other Kafka Streams/client property, passed through unchanged
 */
public record KafkaSettings(
        String bootstrapServers,
        String applicationId,
        String stateDir,
        int numStreamThreads,
        int commitIntervalMs,
        int producerLingerMs,
        int chatPartitions,
        int replicationFactor,
        boolean createTopics,
        Map<String, String> extra) implements Validatable {

    public KafkaSettings {
        extra = extra == null ? Map.of() : Map.copyOf(extra);
    }

    @Override
    public List<String> problems() {
        return new Checks()
                .notBlank(bootstrapServers, "bootstrap-servers")
                .notBlank(applicationId, "application-id")
                .notBlank(stateDir, "state-dir")
                .positive(numStreamThreads, "num-stream-threads")
                .positive(commitIntervalMs, "commit-interval-ms")
                .require(producerLingerMs >= 0, "producer-linger-ms", "must not be negative")
                .positive(chatPartitions, "chat-partitions")
                .require(replicationFactor >= 1 && replicationFactor <= Short.MAX_VALUE, "replication-factor",
                        "must be at least 1 (got " + replicationFactor + ")")
                .problems();
    }
}
