package io.vigil.ingest.kafka;

import org.apache.kafka.clients.CommonClientConfigs;
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

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * What a topic holds when reading starts: partitions read from their beginning to the end offsets they had then,
 * committed records only, without a consumer group, so that the latest record of a key comes last and nothing written
 * meanwhile is mistaken for part of the snapshot. Values stay bytes: the reader decodes only the records it wants.
 */
public final class TopicSnapshot {

    /** The topic is not on the cluster. */
    public static final class MissingTopicException extends Exception {
        public MissingTopicException(String topic) {
            super("topic " + topic + " does not exist");
        }
    }

    /** Told after every poll how many of the snapshot's records have been read. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (read, total) -> { };

        void read(long read, long total);
    }

    private static final Duration POLL = Duration.ofMillis(500);
    private static final int MAX_POLL_RECORDS = 10_000;

    private final Map<String, Object> clientSettings;
    private final Duration timeout;

    /** @param timeout how long the cluster may leave a request unanswered, or reading make no headway, before giving up */
    public TopicSnapshot(Map<String, Object> clientSettings, Duration timeout) {
        this.clientSettings = Map.copyOf(clientSettings);
        this.timeout = timeout;
    }

    public List<TopicPartition> partitionsOf(String topic) throws MissingTopicException {
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

    /**
     * Passes every record of the partitions below the end offsets they had at the start to {@code records}, in
     * offset order per partition; returns those end offsets.
     */
    public Map<TopicPartition, Long> read(Collection<TopicPartition> partitions, String clientId,
                                          Consumer<ConsumerRecord<String, byte[]>> records, Progress progress) {
        Map<String, Object> settings = new HashMap<>(clientSettings);
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, MAX_POLL_RECORDS);
        settings.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        settings.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        settings.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(settings, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long total = partitions.stream().mapToLong(p -> end.get(p) - begin.get(p)).sum();
            long read = 0;
            List<TopicPartition> remaining = new ArrayList<>(partitions.stream().filter(p -> end.get(p) > begin.get(p)).toList());
            long lastHeadway = System.nanoTime();
            while (!remaining.isEmpty()) {
                boolean headway = false;
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    headway = true;
                    if (record.offset() >= end.get(new TopicPartition(record.topic(), record.partition()))) {
                        continue; // written after reading started: not part of this snapshot
                    }
                    read++;
                    records.accept(record);
                }
                remaining.removeIf(p -> consumer.position(p) >= end.get(p));
                long now = System.nanoTime();
                if (headway) {
                    lastHeadway = now;
                } else if (now - lastHeadway > timeout.toNanos()) {
                    throw new IllegalStateException("reading " + partitions.iterator().next().topic() + " made no headway for "
                            + timeout.toSeconds() + " s");
                }
                progress.read(read, total);
            }
            return end;
        }
    }

    private IllegalStateException notAnswering(Exception e) {
        return new IllegalStateException("Kafka at " + clientSettings.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG)
                + " did not answer within " + timeout.toSeconds() + " s", e);
    }
}
