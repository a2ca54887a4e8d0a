package io.vigil.compliance.delivery;

import io.vigil.runtime.config.KafkaSettings;
import io.vigil.runtime.kafka.KafkaClients;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.util.Map;

/**
 * The Kafka clients of a delivery loop, from the runtime's client factory (so kafka.extra's TLS and SASL settings
 * apply): a read-committed group consumer that commits nothing itself, and a transactional producer that writes the
 * loop's outputs and the consumer's offsets in one transaction.
 */
public final class DeliveryClients {

    private DeliveryClients() {
    }

    public static KafkaConsumer<byte[], byte[]> consumer(KafkaSettings kafka, String group, int maxPollRecords) {
        Map<String, Object> config = new KafkaClients(kafka).common(group);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    public static KafkaProducer<byte[], byte[]> transactionalProducer(KafkaSettings kafka, String transactionalId) {
        Map<String, Object> config = new KafkaClients(kafka).common(transactionalId);
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
        producer.initTransactions();
        return producer;
    }
}
