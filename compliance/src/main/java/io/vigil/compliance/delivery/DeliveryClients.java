package io.vigil.compliance.delivery;

import io.vigil.runtime.config.KafkaSettings;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.util.HashMap;
import java.util.Map;

/**
 * The Kafka clients of a delivery loop: a read-committed consumer that commits nothing itself, and a transactional
 * producer that writes the loop's outputs and the consumer's offsets in one transaction. Both take the service's
 * extra client settings (TLS, SASL) as Streams does.
 */
public final class DeliveryClients {

    private DeliveryClients() {
    }

    public static KafkaConsumer<byte[], byte[]> consumer(KafkaSettings kafka, String group, int maxPollRecords) {
        Map<String, Object> config = new HashMap<>(clientExtras(kafka));
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, group);
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    public static KafkaProducer<byte[], byte[]> transactionalProducer(KafkaSettings kafka, String transactionalId) {
        Map<String, Object> config = new HashMap<>(clientExtras(kafka));
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.CLIENT_ID_CONFIG, transactionalId);
        KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
        producer.initTransactions();
        return producer;
    }

    /** kafka.extra without the Streams-only and prefixed settings the plain clients would warn about. */
    private static Map<String, String> clientExtras(KafkaSettings kafka) {
        Map<String, String> extras = new HashMap<>();
        kafka.extra().forEach((key, value) -> {
            if (key.startsWith("security.") || key.startsWith("sasl.") || key.startsWith("ssl.")) {
                extras.put(key, value);
            }
        });
        return extras;
    }
}
