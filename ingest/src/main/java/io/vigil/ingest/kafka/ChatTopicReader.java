package io.vigil.ingest.kafka;

import io.vigil.ingest.kafka.TopicSnapshot.MissingTopicException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

/**
 * Reads what a chat-keyed topic holds for some chats: a {@link TopicSnapshot} of only the partitions those chats' keys
 * go to (the producer's default partitioner, murmur2 of the key modulo the partition count). Records of other chats
 * in those partitions are skipped by key without being decoded.
 */
public final class ChatTopicReader {

    private final TopicSnapshot snapshot;

    /** @param timeout how long the cluster may leave a request unanswered, or reading make no headway */
    public ChatTopicReader(Map<String, Object> clientSettings, Duration timeout) {
        this.snapshot = new TopicSnapshot(clientSettings, timeout);
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
        List<TopicPartition> all;
        try {
            all = snapshot.partitionsOf(topic);
        } catch (MissingTopicException e) {
            throw new IllegalStateException(e.getMessage() + "; create the topics first (vigil topics create)");
        }
        if (all.isEmpty()) {
            return;
        }
        Set<Integer> chatPartitions = wanted.stream().map(chat -> partitionOf(chat, all.size())).collect(Collectors.toSet());
        List<TopicPartition> partitions = all.stream().filter(p -> chatPartitions.contains(p.partition())).toList();
        snapshot.read(partitions, "vigil-replay-reader", record -> {
            if (record.key() != null && wanted.contains(record.key())) {
                records.accept(record.key(), record.value());
            }
        }, TopicSnapshot.Progress.NONE);
    }
}
