package io.vigil.ingest.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Utils;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;

/**
 * Reads what a chat-keyed topic holds for some chats: only the partitions those chats' keys go to (the producer's
 * default partitioner, murmur2 of the key modulo the partition count), from their beginning to the end offsets they
 * had when reading started, committed records only, without a consumer group. Records of other chats in those
 * partitions are skipped by key without being decoded.
 */
public final class ChatTopicReader {

    private static final Duration POLL = Duration.ofMillis(500);

    private final Map<String, Object> clientSettings;
    private final Duration timeout;

    /** @param timeout how long the cluster may leave a request unanswered, or reading make no headway */
    public ChatTopicReader(Map<String, Object> clientSettings, Duration timeout) {
        this.clientSettings = Map.copyOf(clientSettings);
        this.timeout = timeout;
    }

    /** The partition a record with this key goes to, as Kafka's default partitioner places it. */
    public static int partitionOf(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    /** Passes every committed record of these chats to {@code records} (key, value bytes), in offset order per partition. */
    public void read(String topic, Collection<String> chats, BiConsumer<String, byte[]> records) {
        if (chats.isEmpty()) {
            return;
        }
        Set<String> wanted = Set.copyOf(chats);
        int partitionCount = partitionCount(topic);
        if (partitionCount == 0) {
            return;
        }
        Set<Integer> partitionNumbers = new TreeSet<>();
        wanted.forEach(chat -> partitionNumbers.add(partitionOf(chat, partitionCount)));
        List<TopicPartition> partitions = partitionNumbers.stream().map(p -> new TopicPartition(topic, p)).toList();

        Map<String, Object> settings = new HashMap<>(clientSettings);
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
        settings.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        settings.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "vigil-replay-reader");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(settings, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<TopicPartition> remaining = new ArrayList<>(partitions.stream().filter(p -> consumer.position(p) < end.get(p)).toList());
            long lastHeadway = System.nanoTime();
            while (!remaining.isEmpty()) {
                boolean headway = false;
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    headway = true;
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))
                            && record.key() != null && wanted.contains(record.key())) {
                        records.accept(record.key(), record.value());
                    }
                }
                remaining.removeIf(p -> consumer.position(p) >= end.get(p));
                long now = System.nanoTime();
                if (headway) {
                    lastHeadway = now;
                } else if (now - lastHeadway > timeout.toNanos()) {
                    throw new IllegalStateException("reading " + topic + " made no headway for " + timeout.toSeconds() + " s");
                }
            }
        }
    }

    private int partitionCount(String topic) {
        Map<String, Object> settings = new HashMap<>(clientSettings);
        settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        Admin admin = Admin.create(settings);
        try {
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS).get(topic);
            return description.partitions().size();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                throw new IllegalStateException("topic " + topic + " does not exist; create the topics first (vigil topics create)");
            }
            throw new IllegalStateException("cannot describe topic " + topic + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer within " + timeout.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            admin.close(Duration.ZERO);
        }
    }
}
