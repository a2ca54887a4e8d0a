package io.vigil.runtime.streams;

import io.micrometer.core.instrument.MeterRegistry;
import io.vigil.runtime.config.KafkaSettings;
import io.vigil.runtime.errors.DeadLetterDeserializationHandler;
import io.vigil.runtime.errors.DeadLetterProcessingHandler;
import io.vigil.runtime.errors.DeadLetterProductionHandler;
import io.vigil.runtime.errors.DeadLetterProtection;
import io.vigil.runtime.errors.DeadLetters;
import io.vigil.runtime.kafka.ClientBackoffs;
import io.vigil.schemas.topics.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

import java.util.Properties;

/**
 * The Kafka Streams configuration every Vigil service runs with; see {@link KafkaSettings} for the why of each value
 * and docs/operations.md for the recovery timings they add up to.
 */
public final class StreamsProperties {

    /**
     * Room above {@link KafkaSettings#maxRecordBytes()} for the record's key, headers and batch framing; the producer's
     * own default (1 MiB) for the default limit.
     */
    static final int REQUEST_OVERHEAD_BYTES = 48_576;

    private StreamsProperties() {
    }

    public static Properties of(KafkaSettings kafka, MeterRegistry registry) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, kafka.applicationId());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(StreamsConfig.STATE_DIR_CONFIG, kafka.stateDir());
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, kafka.streamThreads());
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, kafka.replicationFactor());
        // Every input ends as an output or a dead letter exactly once, across crashes and restarts.
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, kafka.commitIntervalMs());
        props.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), kafka.producerLingerMs());
        props.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), kafka.maxRecordBytes() + REQUEST_OVERHEAD_BYTES);
        // A task whose instance dies resumes on a peer that already holds a warm copy of its state.
        props.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, kafka.standbyReplicas());
        // An instance that dies keeps its partitions this long; a restarted one (same group.instance.id) rejoins at once.
        props.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), kafka.sessionTimeoutMs());
        props.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), kafka.sessionTimeoutMs() / 3);
        props.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, Topics.DEAD_LETTERS.name());
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterDeserializationHandler.class);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProcessingHandler.class);
        props.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProductionHandler.class);
        // Global stores (the detector's bank index) get the same handler; their processors refuse bad input themselves.
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        props.put(DeadLetters.METER_REGISTRY_CONFIG, registry);
        props.put(DeadLetters.PROTECTION_CONFIG, DeadLetterProtection.of(kafka.deadLetterKey()));
        props.put(DeadLetters.MAX_RECORD_BYTES_CONFIG, kafka.maxRecordBytes());
        // Every Streams client (producers, consumers, admin) notices a broker or coordinator that is back within 250 ms.
        props.putAll(ClientBackoffs.settings());
        props.putAll(kafka.extra());
        return props;
    }
}
