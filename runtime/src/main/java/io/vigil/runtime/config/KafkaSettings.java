package io.vigil.runtime.config;

import java.util.List;
import java.util.Map;

/**
 * How a service reaches Kafka and runs its Streams application; the same section in every service's configuration.
 * docs/operations.md explains each choice at length.
 *
 * @param numStreamThreads    stream threads per Streams application; 0 (the default) means one per available
 *                            processor, so that a service uses every core it is given
 * @param commitIntervalMs    under exactly-once, a hop's output becomes visible downstream only when the transaction
 *                            commits, so this bounds each hop's added latency; Streams' exactly-once default (100 ms) is
 *                            kept low for the same reason
 * @param producerLingerMs    how long the producer waits to fill a batch. Under exactly-once a record is visible
 *                            downstream only once its transaction commits, and the commit flushes the producer, so a
 *                            linger up to the commit interval adds no latency; it sends each partition's records of a
 *                            transaction in one or a few requests instead of one every few milliseconds, which is
 *                            the broker's work per message (the shipped value equals the commit interval)
 * @param chatPartitions      partitions of every chat-keyed topic when Vigil creates them (they must all be equal)
 * @param standbyReplicas     warm copies of each stateful task on other instances, so that a task whose instance dies
 *                            resumes on a peer without replaying its changelog (Streams' default is none)
 * @param instanceId          this instance's stable identity in its consumer groups (static membership): a restarted
 *                            instance takes its partitions back at once instead of waiting out a rebalance. Empty: an id
 *                            kept in the state directory, stable as long as the state is
 * @param sessionTimeoutMs    how long a silent instance keeps its partitions before the group moves them. With static
 *                            membership a restart does not wait for it; only an instance that never comes back does
 * @param maxRecordBytes      largest record a service writes (value and key): outputs are bounded to it before they are
 *                            sent, so a record the broker would refuse never enters a transaction; at most the
 *                            topics' {@code max.message.bytes} (checked at start)
 * @param stallTimeoutSeconds a partition assigned here that has records waiting and whose committed position has not
 *                            moved for this long makes the health check fail
 * @param deadLetterKey       the deployment's secret for dead letters: when set, a dead letter carries the original
 *                            record encrypted with a key derived from it; when empty, without the original (only its
 *                            coordinates), because records carry personal data
 * @param extra               any other Kafka Streams/client property, passed through unchanged
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
        int standbyReplicas,
        String instanceId,
        int sessionTimeoutMs,
        int maxRecordBytes,
        int stallTimeoutSeconds,
        String deadLetterKey,
        Map<String, String> extra) implements Validatable {

    /** The broker's own lower bound for group.min.session.timeout.ms. */
    static final int MIN_SESSION_TIMEOUT_MS = 6_000;
    /** Room for the dead-letter record's own fields and headers around an original of this size. */
    static final int MIN_RECORD_BYTES = 64 * 1024;

    public KafkaSettings {
        extra = extra == null ? Map.of() : Map.copyOf(extra);
        instanceId = instanceId == null ? "" : instanceId;
        deadLetterKey = deadLetterKey == null ? "" : deadLetterKey;
    }

    /**
     * Settings for a tool that only uses plain clients (an admin command, a reader), not a Streams application: the
     * cluster and its client settings; the Streams fields get harmless defaults.
     */
    public static KafkaSettings forClients(String bootstrapServers, String clientName, Map<String, String> extra) {
        return new KafkaSettings(bootstrapServers, clientName, "unused", 1, 100, 5, 1, 1, false, 0, "", 10_000, 1_000_000, 60, "",
                extra);
    }

    /** The stream threads each Streams application runs: the configured count, or one per available processor. */
    public int streamThreads() {
        return numStreamThreads > 0 ? numStreamThreads : Runtime.getRuntime().availableProcessors();
    }

    @Override
    public List<String> problems() {
        return new Checks()
                .notBlank(bootstrapServers, "bootstrap-servers")
                .notBlank(applicationId, "application-id")
                .notBlank(stateDir, "state-dir")
                .require(numStreamThreads >= 0, "num-stream-threads", "must be 0 (one per processor) or more (got " + numStreamThreads + ")")
                .positive(commitIntervalMs, "commit-interval-ms")
                .require(producerLingerMs >= 0, "producer-linger-ms", "must not be negative")
                .positive(chatPartitions, "chat-partitions")
                .require(replicationFactor >= 1 && replicationFactor <= Short.MAX_VALUE, "replication-factor",
                        "must be at least 1 (got " + replicationFactor + ")")
                .require(standbyReplicas >= 0, "standby-replicas", "must not be negative")
                .require(instanceId.isEmpty() || instanceId.matches("[A-Za-z0-9._-]{1,100}"), "instance-id",
                        "must be empty or 1-100 letters, digits, '.', '_' or '-'")
                .require(sessionTimeoutMs >= MIN_SESSION_TIMEOUT_MS, "session-timeout-ms",
                        "must be at least " + MIN_SESSION_TIMEOUT_MS + " (the broker's default minimum)")
                .require(maxRecordBytes >= MIN_RECORD_BYTES, "max-record-bytes", "must be at least " + MIN_RECORD_BYTES)
                .positive(stallTimeoutSeconds, "stall-timeout-seconds")
                .require(deadLetterKey.isEmpty() || deadLetterKey.getBytes(java.nio.charset.StandardCharsets.UTF_8).length >= 16,
                        "dead-letter-key", "must be empty or a secret of at least 16 bytes (VIGIL_KAFKA_DEAD_LETTER_KEY)")
                .problems();
    }
}
