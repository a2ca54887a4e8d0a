package io.vigil.runtime.streams;

import io.micrometer.core.instrument.MeterRegistry;
import io.vigil.runtime.config.KafkaSettings;
import io.vigil.runtime.errors.DeadLetterDeserializationHandler;
import io.vigil.runtime.errors.DeadLetterProcessingHandler;
import io.vigil.runtime.errors.DeadLetterProductionHandler;
import io.vigil.runtime.errors.DeadLetters;
import io.vigil.schemas.topics.Topics;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

import java.util.Properties;

/** The Kafka Streams configuration every Vigil service runs with; see {@link KafkaSettings} for the why of each value. */
public final class StreamsProperties {

    private StreamsProperties() {
    }

    public static Properties of(KafkaSettings kafka, MeterRegistry registry) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, kafka.applicationId());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(StreamsConfig.STATE_DIR_CONFIG, kafka.stateDir());
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, kafka.numStreamThreads());
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, kafka.replicationFactor());
        // Every input ends as an output or a dead letter exactly once, across crashes and restarts.
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, kafka.commitIntervalMs());
        props.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), kafka.producerLingerMs());
        props.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, Topics.DEAD_LETTERS.name());
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterDeserializationHandler.class);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProcessingHandler.class);
        props.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProductionHandler.class);
        props.put(DeadLetters.METER_REGISTRY_CONFIG, registry);
        props.putAll(kafka.extra());
        return props;
    }
}
