package io.vigil.standalone.commands.banks;

import io.vigil.schemas.HashBankEntry;
import io.vigil.schemas.serde.AvroSerde;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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

    private static final int MAX_POLL_RECORDS = 10_000;
    private static final Duration POLL = Duration.ofMillis(500);

    private final Map<String, Object> clientSettings;
    private final Duration timeout;
    private final Progress progress;

    /**
     * @param timeout how long the cluster may leave a request unanswered, or reading make no headway, before the
     *                command gives up
     */
    HashBankTopicReader(Map<String, Object> clientSettings, Duration timeout, Progress progress) {
        this.clientSettings = clientSettings;
        this.timeout = timeout;
        this.progress = progress;
    }

    Snapshot read(String topic, Visitor visitor) throws MissingTopicException {
        return read(topic, key -> true, visitor);
    }

    /** Reads the topic, passing on only the records whose key {@code keys} accepts (the others are not decoded). */
    Snapshot read(String topic, Predicate<String> keys, Visitor visitor) throws MissingTopicException {
        List<TopicPartition> partitions = partitionsOf(topic);
        AvroSerde<HashBankEntry> serde = AvroSerde.of(HashBankEntry.class);
        Map<String, Object> settings = new HashMap<>(clientSettings);
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, MAX_POLL_RECORDS);
        settings.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        settings.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        settings.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "vigil-banks-reader");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(settings, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long total = partitions.stream().mapToLong(p -> end.get(p) - begin.get(p)).sum();
            long[] read = {0};
            List<TopicPartition> remaining = new ArrayList<>(partitions.stream().filter(p -> end.get(p) > begin.get(p)).toList());
            long lastHeadway = System.nanoTime();
            while (!remaining.isEmpty()) {
                boolean headway = false;
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    headway = true;
                    if (record.offset() >= end.get(new TopicPartition(record.topic(), record.partition()))) {
                        continue; // written after reading started: not part of this snapshot
                    }
                    read[0]++;
                    if (keys.test(record.key())) {
                        deliver(record, serde, visitor);
                    }
                }
                remaining.removeIf(p -> consumer.position(p) >= end.get(p));
                long now = System.nanoTime();
                if (headway) {
                    lastHeadway = now;
                } else if (now - lastHeadway > timeout.toNanos()) {
                    throw new IllegalStateException("reading " + topic + " made no headway for " + timeout.toSeconds() + " s");
                }
                progress.tick(() -> "  read " + read[0] + " of " + total + " records of " + topic);
            }
            Map<Integer, Long> ends = new TreeMap<>();
            end.forEach((p, offset) -> ends.put(p.partition(), offset));
            return new Snapshot(topic, ends, read[0]);
        }
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

    private List<TopicPartition> partitionsOf(String topic) throws MissingTopicException {
        Map<String, Object> settings = new HashMap<>(clientSettings);
        settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        Admin admin = Admin.create(settings);
        try {
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS).get(topic);
            return description.partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                throw new MissingTopicException(topic);
            }
            if (e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException) {
                throw notAnswering(e);
            }
            throw new IllegalStateException("cannot describe topic " + topic + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw notAnswering(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            // without a deadline, closing waits for the calls still pending: an unreachable cluster's retries
            admin.close(Duration.ZERO);
        }
    }

    private IllegalStateException notAnswering(Exception e) {
        return new IllegalStateException("Kafka at " + clientSettings.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG)
                + " did not answer within " + timeout.toSeconds() + " s", e);
    }
}
