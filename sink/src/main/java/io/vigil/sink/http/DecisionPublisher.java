package io.vigil.sink.http;

import io.vigil.schemas.ModerationDecision;
import io.vigil.schemas.serde.AvroSerde;
import io.vigil.schemas.topics.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Writes moderators' decisions to their topic, keyed by chat like the items they close; waits for the broker. */
public final class DecisionPublisher implements AutoCloseable {

    private static final long SEND_TIMEOUT_SECONDS = 10;

    private final KafkaProducer<String, ModerationDecision> producer;

    public DecisionPublisher(String bootstrapServers) {
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.CLIENT_ID_CONFIG, "vigil-sink-decisions"),
                new StringSerializer(), AvroSerde.of(ModerationDecision.class));
    }

    public void publish(ModerationDecision decision) throws ExecutionException, TimeoutException, InterruptedException {
        producer.send(new ProducerRecord<>(Topics.MODERATION_DECISIONS.name(), decision.getChatId(), decision))
                .get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        producer.close();
    }
}
