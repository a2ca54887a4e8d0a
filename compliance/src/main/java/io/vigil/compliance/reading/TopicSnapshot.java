package io.vigil.compliance.reading;

import io.vigil.schemas.serde.AvroSerde;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads topics for reports and exports: each from its beginning to the end offsets it had when reading started,
 * committed records only, without a consumer group (nothing is committed, nobody else's reading is disturbed), record by
 * record in offset order. A record this version cannot read is counted and passed to the visitor's
 * {@link Visitor#unreadable}, never skipped silently.
 */
public final class TopicSnapshot {

    /** Receives a topic's records. */
    public interface Visitor<V> {
        void record(int partition, String key, V value);

        default void unreadable(int partition, long offset, String reason) {
        }
    }

    /** A visitor that passes each value on and tells {@code warnings} of each record it could not read. */
    public static <V> Visitor<V> visitor(java.util.function.Consumer<V> values, java.util.function.Consumer<String> warnings) {
        return new Visitor<>() {
            @Override
            public void record(int partition, String key, V value) {
                values.accept(value);
            }

            @Override
            public void unreadable(int partition, long offset, String reason) {
                warnings.accept("unreadable record at partition " + partition + " offset " + offset + ", left out: " + reason);
            }
        };
    }

    /** What was read: records (unreadable ones included) and unreadable records. */
    public record Summary(String topic, long records, long unreadable) {
    }

    private static final Duration POLL = Duration.ofMillis(500);
    private static final int MAX_POLL_RECORDS = 5_000;

    private final Map<String, Object> clientSettings;
    private final Duration timeout;

    /** @param timeout how long the cluster may not answer, or reading make no headway, before reading gives up */
    public TopicSnapshot(Map<String, Object> clientSettings, Duration timeout) {
        this.clientSettings = Map.copyOf(clientSettings);
        this.timeout = timeout;
    }

    /** The topic's partitions, empty when the cluster has no such topic. */
    public List<Integer> partitions(String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<PartitionInfo> infos = consumer.listTopics(timeout).get(topic);
            return infos == null ? List.of() : infos.stream().map(PartitionInfo::partition).sorted().toList();
        }
    }

    public <V extends SpecificRecordBase> Summary read(String topic, Class<V> type, Visitor<V> visitor) {
        return read(topic, type, partitions(topic), visitor);
    }

    public <V extends SpecificRecordBase> Summary read(String topic, Class<V> type, Collection<Integer> partitions, Visitor<V> visitor) {
        if (partitions.isEmpty()) {
            return new Summary(topic, 0, 0);
        }
        AvroSerde<V> serde = AvroSerde.of(type);
        StringDeserializer keys = new StringDeserializer();
        long records = 0;
        long unreadable = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<TopicPartition> assigned = partitions.stream().map(p -> new TopicPartition(topic, p)).toList();
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            Map<TopicPartition, Long> end = consumer.endOffsets(assigned, timeout);
            Instant lastHeadway = Instant.now();
            while (!done(consumer, end)) {
                var batch = consumer.poll(POLL);
                if (!batch.isEmpty()) {
                    lastHeadway = Instant.now();
                } else if (Instant.now().isAfter(lastHeadway.plus(timeout))) {
                    throw new IllegalStateException("reading " + topic + " made no headway for " + timeout.toSeconds() + " s");
                }
                for (ConsumerRecord<byte[], byte[]> record : batch) {
                    if (record.offset() >= end.get(new TopicPartition(record.topic(), record.partition()))) {
                        continue;
                    }
                    records++;
                    V value;
                    try {
                        value = record.value() == null ? null : serde.deserialize(topic, record.value());
                    } catch (RuntimeException e) {
                        unreadable++;
                        visitor.unreadable(record.partition(), record.offset(), e.getMessage());
                        continue;
                    }
                    if (value != null) {
                        visitor.record(record.partition(), record.key() == null ? null : keys.deserialize(topic, record.key()), value);
                    }
                }
            }
        }
        return new Summary(topic, records, unreadable);
    }

    private static boolean done(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        Map<String, Object> settings = new HashMap<>(clientSettings);
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, MAX_POLL_RECORDS);
        settings.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        settings.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        return new KafkaConsumer<>(settings, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
