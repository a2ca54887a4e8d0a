package io.vigil.runtime.errors;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.vigil.schemas.DeadLetter;
import io.vigil.schemas.serde.AvroSerde;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

/**
 * Builds the dead-letter record for a failed input: the {@link DeadLetter} contract as value (source coordinates,
 * stage, error class, Vigil's reason and the original bytes), the original key as key so that a group's dead letters
 * stay together, and the headers Kafka Streams' own dead-letter queue writes, so that tools built for those work too.
 * Counts every dead letter by stage and reason, and logs it without the record's content.
 */
public final class DeadLetters {

    /** Configuration key under which a service hands its meter registry to the exception handlers. */
    public static final String METER_REGISTRY_CONFIG = "vigil.meter.registry";
    public static final String REASON_HEADER = "vigil.reason";
    static final String EXCEPTION_HEADER = "__streams.errors.exception";
    static final String MESSAGE_HEADER = "__streams.errors.message";
    static final String STACKTRACE_HEADER = "__streams.errors.stacktrace";
    static final String TOPIC_HEADER = "__streams.errors.topic";
    static final String PARTITION_HEADER = "__streams.errors.partition";
    static final String OFFSET_HEADER = "__streams.errors.offset";

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);
    private static final AvroSerde<DeadLetter> SERDE = AvroSerde.of(DeadLetter.class);

    private final String topic;
    private final String application;
    private final MeterRegistry registry;
    private final Clock clock;

    DeadLetters(String topic, String application, MeterRegistry registry, Clock clock) {
        this.topic = topic;
        this.application = application;
        this.registry = registry;
        this.clock = clock;
    }

    /** Reads the dead-letter topic, application id and meter registry from the Streams configuration. */
    static DeadLetters fromStreamsConfig(Map<String, ?> configs) {
        Object topic = configs.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
        if (topic == null) {
            throw new IllegalStateException(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG
                    + " must be set: Vigil never drops a record silently");
        }
        Object registry = configs.get(METER_REGISTRY_CONFIG);
        return new DeadLetters(topic.toString(), String.valueOf(configs.get(StreamsConfig.APPLICATION_ID_CONFIG)),
                registry instanceof MeterRegistry meterRegistry ? meterRegistry : Metrics.globalRegistry, Clock.systemUTC());
    }

    ProducerRecord<byte[], byte[]> deadLetter(DeadLetterStage stage, ErrorHandlerContext context,
                                              byte[] originalKey, byte[] originalValue, Exception exception) {
        String reasonCode = reasonCode(stage, exception);
        String reason = reason(exception);
        DeadLetter letter = DeadLetter.newBuilder()
                .setApplication(application)
                .setSourceTopic(context.topic())
                .setSourcePartition(context.partition())
                .setSourceOffset(context.offset())
                .setProcessorNode(context.processorNodeId())
                .setStage(stage.label())
                .setErrorClass(exception.getClass().getName())
                .setReason(reasonCode + ": " + reason)
                .setOriginalKey(originalKey == null ? null : ByteBuffer.wrap(originalKey))
                .setOriginalValue(originalValue == null ? null : ByteBuffer.wrap(originalValue))
                .setFailedAt(clock.instant())
                .build();
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, null, context.timestamp(), originalKey,
                SERDE.serialize(topic, letter));
        if (context.headers() != null) {
            for (Header header : context.headers()) {
                record.headers().add(header);
            }
        }
        record.headers()
                .add(EXCEPTION_HEADER, utf8(exception.getClass().getName()))
                .add(MESSAGE_HEADER, utf8(reason))
                .add(STACKTRACE_HEADER, utf8(stackTrace(exception)))
                .add(TOPIC_HEADER, utf8(String.valueOf(context.topic())))
                .add(PARTITION_HEADER, utf8(String.valueOf(context.partition())))
                .add(OFFSET_HEADER, utf8(String.valueOf(context.offset())))
                .add(REASON_HEADER, utf8(reasonCode));
        registry.counter("vigil.dead.letters", "stage", stage.label(), "reason", reasonCode).increment();
        // The record itself is not logged: it may carry personal data. Its coordinates are enough to find it.
        LOG.warn("dead letter from {}-{}@{} at {} ({}): {}", context.topic(), context.partition(), context.offset(),
                stage.label(), reasonCode, reason);
        return record;
    }

    static String reasonCode(DeadLetterStage stage, Exception exception) {
        if (exception instanceof RejectedRecordException rejected) {
            return rejected.code();
        }
        return switch (stage) {
            case DESERIALIZATION -> "unreadable_record";
            case PROCESSING -> exception instanceof SerializationException ? "unreadable_record" : "processing_failed";
            case PRODUCTION -> exception instanceof SerializationException ? "unwritable_output" : "output_refused";
        };
    }

    private static String reason(Exception exception) {
        String message = exception.getMessage();
        return message == null || message.isBlank() ? exception.getClass().getSimpleName() : message;
    }

    private static String stackTrace(Exception exception) {
        StringWriter out = new StringWriter();
        exception.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
