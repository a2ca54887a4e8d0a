package io.vigil.benchmarks.pipeline;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * A read-committed consumer of output topics, as the platform's consumers read them: counts what arrives from a point
 * on, and the latency of each record from the time its message was sent (taken from the record by {@code sentAt}).
 */
final class Arrivals implements AutoCloseable {

    private final KafkaConsumer<byte[], byte[]> consumer;

    Arrivals(String bootstrapServers, Collection<String> topics) {
        consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000, ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 * 1024 * 1024),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
    }

    /**
     * The result of waiting for records: how many arrived, when the last one did, and each one's latency, also by topic
     * (so that one run can say how much of a path's latency each hop adds).
     */
    record Result(int count, long lastArrivalNanos, long[] latenciesMillis, Map<String, long[]> latenciesByTopic) {

        /** The latencies of the records of these topics only. */
        long[] latenciesOf(Collection<String> topics) {
            return topics.stream().map(t -> latenciesByTopic.getOrDefault(t, new long[0])).flatMapToLong(java.util.Arrays::stream).toArray();
        }
    }

    /**
     * Reads until {@code expected} records arrived or {@code quiet} passed without any.
     *
     * @param sentAtMillis the send time of a record's message, or -1 to skip its latency
     */
    Result await(int expected, Duration quiet, ToLongFunction<ConsumerRecord<byte[], byte[]>> sentAtMillis) {
        int count = 0;
        long last = System.nanoTime();
        long[] latencies = new long[Math.min(Math.max(16, expected), 1 << 16)];
        int sampled = 0;
        Map<String, java.util.stream.LongStream.Builder> byTopic = new java.util.TreeMap<>();
        while (count < expected && System.nanoTime() - last < quiet.toNanos()) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(50))) {
                long now = System.currentTimeMillis();
                count++;
                last = System.nanoTime();
                long sent = sentAtMillis.applyAsLong(record);
                if (sent >= 0) {
                    if (sampled == latencies.length) {
                        latencies = java.util.Arrays.copyOf(latencies, latencies.length * 2);
                    }
                    latencies[sampled++] = now - sent;
                    byTopic.computeIfAbsent(record.topic(), t -> java.util.stream.LongStream.builder()).add(now - sent);
                }
            }
        }
        Map<String, long[]> latenciesByTopic = new java.util.TreeMap<>();
        byTopic.forEach((topic, values) -> latenciesByTopic.put(topic, values.build().toArray()));
        return new Result(count, last, java.util.Arrays.copyOf(latencies, sampled), latenciesByTopic);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
