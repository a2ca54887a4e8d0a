package io.vigil.compliance.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import io.vigil.runtime.errors.DeadLetters;
import io.vigil.schemas.DeadLetter;
import io.vigil.schemas.serde.AvroSerde;
import io.vigil.schemas.topics.Topics;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Dead letters of a delivery to an external service (the Transparency Database, NCMEC): the same DeadLetter contract
 * and reason header as the Streams services write, with the stage "delivery", the external service's own reason, and
 * the original record's bytes, keyed like the original; counted in {@code vigil_dead_letters_total{stage,reason}} like
 * the services' own.
 */
public final class OutboundDeadLetters {

    public static final String STAGE = "delivery";
    private static final AvroSerde<DeadLetter> SERDE = AvroSerde.of(DeadLetter.class);

    private final String application;
    private final MeterRegistry registry;

    public OutboundDeadLetters(String application, MeterRegistry registry) {
        this.application = application;
        this.registry = registry;
    }

    /** The record's value read as its contract, or empty with its dead letter added to {@code outputs}. */
    public <V extends SpecificRecordBase> Optional<V> read(ConsumerRecord<byte[], byte[]> record, AvroSerde<V> serde,
                                                           List<ProducerRecord<byte[], byte[]>> outputs, Instant now) {
        try {
            return Optional.of(serde.deserialize(record.topic(), record.value()));
        } catch (RuntimeException e) {
            outputs.add(letter(record, "unreadable_record", "not the topic's contract: " + e.getMessage(), e.getClass().getName(), now));
            return Optional.empty();
        }
    }

    public ProducerRecord<byte[], byte[]> letter(ConsumerRecord<byte[], byte[]> original, String reasonCode, String reason,
                                                 String errorClass, Instant now) {
        DeadLetter letter = DeadLetter.newBuilder()
                .setApplication(application)
                .setSourceTopic(original.topic())
                .setSourcePartition(original.partition())
                .setSourceOffset(original.offset())
                .setProcessorNode(null)
                .setStage(STAGE)
                .setErrorClass(errorClass)
                .setReason(reasonCode + ": " + reason)
                .setOriginalKey(original.key() == null ? null : ByteBuffer.wrap(original.key()))
                .setOriginalValue(original.value() == null ? null : ByteBuffer.wrap(original.value()))
                .setFailedAt(now)
                .build();
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(Topics.DEAD_LETTERS.name(), original.key(),
                SERDE.serialize(Topics.DEAD_LETTERS.name(), letter));
        record.headers().add(DeadLetters.REASON_HEADER, reasonCode.getBytes(StandardCharsets.UTF_8));
        registry.counter("vigil.dead.letters", "stage", STAGE, "reason", reasonCode).increment();
        return record;
    }
}
