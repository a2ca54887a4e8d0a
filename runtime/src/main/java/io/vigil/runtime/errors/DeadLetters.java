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
 * stage, error class, Vigil's reason, and the original value as {@link DeadLetterProtection} allows), the original key
 * as key so that a group's dead letters stay together, and the headers Kafka Streams' own dead-letter queue writes, so
 * that tools built for those work too. A dead letter is itself bounded: it never exceeds the service's record limit,
 * or writing it would fail the transaction it belongs to. Counts every dead letter by stage and reason, and logs it
 * without the record's content.
 */
public final class DeadLetters {

    /** Configuration key under which a service hands its meter registry to the exception handlers. */
    public static final String METER_REGISTRY_CONFIG = "vigil.meter.registry";
    /** Configuration key of the {@link DeadLetterProtection} the handlers use. */
    public static final String PROTECTION_CONFIG = "vigil.dead.letter.protection";
    /** Configuration key of the largest record the service writes (kafka.max-record-bytes). */
    public static final String MAX_RECORD_BYTES_CONFIG = "vigil.max.record.bytes";
    public static final String REASON_HEADER = "vigil.reason";
    static final String EXCEPTION_HEADER = "__streams.errors.exception";
    static final String MESSAGE_HEADER = "__streams.errors.message";
    static final String STACKTRACE_HEADER = "__streams.errors.stacktrace";
    static final String TOPIC_HEADER = "__streams.errors.topic";
    static final String PARTITION_HEADER = "__streams.errors.partition";
    static final String OFFSET_HEADER = "__streams.errors.offset";

    /** The original record's headers are copied up to this many bytes; a record cannot smuggle a huge letter out. */
    static final int MAX_COPIED_HEADER_BYTES = 16 * 1024;
    static final int MAX_STACKTRACE_CHARS = 8 * 1024;
    static final int MAX_REASON_CHARS = 1024;
    /** Room for the letter's own fields, key and headers beside the original value. */
    static final int LETTER_OVERHEAD_BYTES = 48 * 1024;
    private static final int DEFAULT_MAX_RECORD_BYTES = 1_000_000;

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);
    private static final AvroSerde<DeadLetter> SERDE = AvroSerde.of(DeadLetter.class);

    private final String topic;
    private final String application;
    private final MeterRegistry registry;
    private final DeadLetterProtection protection;
    private final int maxRecordBytes;
    private final boolean exactlyOnce;
    private final Clock clock;

    DeadLetters(String topic, String application, MeterRegistry registry, DeadLetterProtection protection,
                int maxRecordBytes, boolean exactlyOnce, Clock clock) {
        this.topic = topic;
        this.application = application;
        this.registry = registry;
        this.protection = protection;
        this.maxRecordBytes = maxRecordBytes;
        this.exactlyOnce = exactlyOnce;
        this.clock = clock;
    }

    /** Reads the dead-letter topic, application id, registry, protection and limits from the Streams configuration. */
    static DeadLetters fromStreamsConfig(Map<String, ?> configs) {
        Object topic = configs.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
        if (topic == null) {
            throw new IllegalStateException(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG
                    + " must be set: Vigil never drops a record silently");
        }
        Object registry = configs.get(METER_REGISTRY_CONFIG);
        Object protection = configs.get(PROTECTION_CONFIG);
        Object maxBytes = configs.get(MAX_RECORD_BYTES_CONFIG);
        Object guarantee = configs.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG);
        return new DeadLetters(topic.toString(), String.valueOf(configs.get(StreamsConfig.APPLICATION_ID_CONFIG)),
                registry instanceof MeterRegistry meterRegistry ? meterRegistry : Metrics.globalRegistry,
                protection instanceof DeadLetterProtection p ? p : DeadLetterProtection.of(""),
                maxBytes == null ? DEFAULT_MAX_RECORD_BYTES : Integer.parseInt(maxBytes.toString()),
                !StreamsConfig.AT_LEAST_ONCE.equals(String.valueOf(guarantee)), Clock.systemUTC());
    }

    /** Whether outputs are written in transactions: then a failed send has already doomed the transaction. */
    boolean exactlyOnce() {
        return exactlyOnce;
    }

    ProducerRecord<byte[], byte[]> deadLetter(DeadLetterStage stage, ErrorHandlerContext context,
                                              byte[] originalKey, byte[] originalValue, Exception exception) {
        String reasonCode = reasonCode(stage, exception);
        String reason = truncate(reason(exception), MAX_REASON_CHARS);
        String coordinates = DeadLetterProtection.coordinates(application, context.topic(), context.partition(), context.offset());
        byte[] carried = null;
        String protectionKind = DeadLetterProtection.OMITTED;
        if (originalValue != null && protection.encrypts() && originalValue.length + LETTER_OVERHEAD_BYTES <= maxRecordBytes) {
            carried = protection.protect(originalValue, coordinates);
            protectionKind = DeadLetterProtection.ENCRYPTED;
        }
        byte[] key = originalKey != null && originalKey.length <= LETTER_OVERHEAD_BYTES / 4 ? originalKey : null;
        DeadLetter letter = DeadLetter.newBuilder()
                .setApplication(application)
                .setSourceTopic(context.topic())
                .setSourcePartition(context.partition())
                .setSourceOffset(context.offset())
                .setProcessorNode(context.processorNodeId())
                .setStage(stage.label())
                .setErrorClass(exception.getClass().getName())
                .setReason(reasonCode + ": " + reason)
                .setOriginalKey(key == null ? null : ByteBuffer.wrap(key))
                .setOriginalValue(carried == null ? null : ByteBuffer.wrap(carried))
                .setOriginalValueProtection(protectionKind)
                .setOriginalValueBytes(originalValue == null ? -1 : originalValue.length)
                .setKeyId(carried == null ? null : protection.keyId())
                .setFailedAt(clock.instant())
                .build();
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, null, context.timestamp(), key,
                SERDE.serialize(topic, letter));
        copyHeaders(context, record);
        record.headers()
                .add(EXCEPTION_HEADER, utf8(exception.getClass().getName()))
                .add(MESSAGE_HEADER, utf8(reason))
                .add(STACKTRACE_HEADER, utf8(truncate(stackTrace(exception), MAX_STACKTRACE_CHARS)))
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

    /**
     * An output the producer refused inside a transaction: no dead letter can be written in a transaction that is
     * already failed, so the task must restart from its last commit. Counted and logged so that it is never silent.
     */
    void refusedInTransaction(ErrorHandlerContext context, String outputTopic, Exception exception) {
        String reasonCode = reasonCode(DeadLetterStage.PRODUCTION, exception);
        registry.counter("vigil.outputs.refused", "topic", String.valueOf(outputTopic), "reason", reasonCode).increment();
        LOG.error("output to {} for input {}-{}@{} refused inside a transaction ({}): {}; the task restarts from its last "
                        + "commit. Outputs are bounded to kafka.max-record-bytes before they are sent, so this means a topic "
                        + "or broker accepts less than that, or an operator problem (authorization, a deleted topic)",
                outputTopic, context.topic(), context.partition(), context.offset(), reasonCode, reason(exception));
    }

    private static void copyHeaders(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record) {
        if (context.headers() == null) {
            return;
        }
        int copied = 0;
        for (Header header : context.headers()) {
            int size = header.key().length() + (header.value() == null ? 0 : header.value().length);
            if (copied + size > MAX_COPIED_HEADER_BYTES) {
                break;
            }
            copied += size;
            record.headers().add(header);
        }
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

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "...";
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
