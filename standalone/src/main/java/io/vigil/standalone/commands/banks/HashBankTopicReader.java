package io.vigil.standalone.commands.banks;

import io.vigil.ingest.kafka.TopicSnapshot;
import io.vigil.ingest.kafka.TopicSnapshot.MissingTopicException;
import io.vigil.schemas.HashBankEntry;
import io.vigil.schemas.serde.AvroSerde;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Reads a hash-bank topic ({@code hash-bank} or {@code hash-bank-accepted}) from its beginning to the end offsets it
 * had when reading started, committed records only, without a consumer group: a snapshot of what the topic says,
 * record by record in offset order, so that the latest record of each key (or its tombstone) comes last.
 */
final class HashBankTopicReader {

    /** Receives the records of the topic in offset order (per partition). */
    interface Visitor {
        /** One record: the entry, or null for a tombstone. */
        void record(String key, HashBankEntry entry);

        /** A record whose value is not a {@code HashBankEntry} this version can read. */
        void unreadable(String key, String reason);
    }

    /**
     * @param topic      the topic read
     * @param endOffsets the end offset of each partition when reading started (what was read up to)
     * @param records    records read, tombstones and unreadable ones included
     */
    record Snapshot(String topic, Map<Integer, Long> endOffsets, long records) {
    }

    private final TopicSnapshot topicSnapshot;
    private final Progress progress;

    /**
     * @param timeout how long the cluster may leave a request unanswered, or reading make no headway, before the
     *                command gives up
     */
    HashBankTopicReader(Map<String, Object> clientSettings, Duration timeout, Progress progress) {
        this.topicSnapshot = new TopicSnapshot(clientSettings, timeout);
        this.progress = progress;
    }

    Snapshot read(String topic, Visitor visitor) throws MissingTopicException {
        return read(topic, key -> true, visitor);
    }

    /** Reads the topic, passing on only the records whose key {@code keys} accepts (the others are not decoded). */
    Snapshot read(String topic, Predicate<String> keys, Visitor visitor) throws MissingTopicException {
        AvroSerde<HashBankEntry> serde = AvroSerde.of(HashBankEntry.class);
        long[] read = {0};
        Map<TopicPartition, Long> end = topicSnapshot.read(topicSnapshot.partitionsOf(topic), "vigil-banks-reader", record -> {
            read[0]++;
            if (keys.test(record.key())) {
                deliver(record, serde, visitor);
            }
        }, (records, total) -> progress.tick(() -> "  read " + records + " of " + total + " records of " + topic));
        Map<Integer, Long> ends = new TreeMap<>();
        end.forEach((p, offset) -> ends.put(p.partition(), offset));
        return new Snapshot(topic, ends, read[0]);
    }

    private static void deliver(ConsumerRecord<String, byte[]> record, AvroSerde<HashBankEntry> serde, Visitor visitor) {
        if (record.value() == null) {
            visitor.record(record.key(), null);
            return;
        }
        HashBankEntry entry;
        try {
            entry = serde.deserialize(record.topic(), record.value());
        } catch (SerializationException e) {
            visitor.unreadable(record.key(), e.getMessage());
            return;
        }
        visitor.record(record.key(), entry);
    }
}
