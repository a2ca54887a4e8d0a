package io.vigil.standalone;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Plain producers and read-committed readers of a real cluster, for end-to-end tests. */
final class KafkaTopics {

    private final String bootstrapServers;

    KafkaTopics(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    <K, V> void send(String topic, Serializer<K> keys, Serializer<V> values, K key, V value) {
        try (KafkaProducer<K, V> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all"), keys, values)) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot send to " + topic, e);
        }
    }

    void sendRaw(String topic, byte[] key, byte[] value) {
        send(topic, new ByteArraySerializer(), new ByteArraySerializer(), key, value);
    }

    /** Every committed record of the topic, waiting until at least {@code atLeast} arrived, then a little longer for extras. */
    <V> List<V> readCommitted(String topic, Deserializer<V> values, int atLeast, Duration timeout) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<V> out = new ArrayList<>();
        try (KafkaConsumer<byte[], V> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), values)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Instant deadline = Instant.now().plus(timeout);
            Instant settle = null;
            while (Instant.now().isBefore(deadline) && (settle == null || Instant.now().isBefore(settle))) {
                for (ConsumerRecord<byte[], V> record : consumer.poll(Duration.ofMillis(200))) {
                    out.add(record.value());
                }
                if (settle == null && out.size() >= atLeast) {
                    settle = Instant.now().plusSeconds(2);
                }
            }
        }
        return out;
    }
}
