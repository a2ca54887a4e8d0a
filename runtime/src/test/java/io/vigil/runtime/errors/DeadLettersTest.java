package io.vigil.runtime.errors;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vigil.schemas.DeadLetter;
import io.vigil.schemas.serde.AvroSerde;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeadLettersTest {

    private static final byte[] ORIGINAL = "{\"text\":\"su número es 612 34 56 78\"}".getBytes(StandardCharsets.UTF_8);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void withoutAKeyTheOriginalIsLeftOutAndItsCoordinatesAndSizeKept() {
        DeadLetter letter = letter(deadLetters(DeadLetterProtection.of(""), 1_000_000), ORIGINAL);

        assertThat(letter.getOriginalValue()).isNull();
        assertThat(letter.getOriginalValueProtection()).isEqualTo("omitted");
        assertThat(letter.getOriginalValueBytes()).isEqualTo(ORIGINAL.length);
        assertThat(letter.getSourceTopic() + "-" + letter.getSourcePartition() + "@" + letter.getSourceOffset()).isEqualTo("message-events-1@42");
        assertThat(letter.getKeyId()).isNull();
    }

    @Test
    void withAKeyTheOriginalIsEncryptedBoundToItsCoordinatesAndOnlyThatKeyOpensIt() throws Exception {
        DeadLetterProtection protection = DeadLetterProtection.of("deployment-dead-letter-secret");
        DeadLetter letter = letter(deadLetters(protection, 1_000_000), ORIGINAL);
        byte[] sealed = bytes(letter.getOriginalValue());
        String coordinates = DeadLetterProtection.coordinates("vigil-detector", "message-events", 1, 42);

        assertThat(letter.getOriginalValueProtection()).isEqualTo("encrypted");
        assertThat(letter.getKeyId()).isEqualTo(protection.keyId()).hasSize(16);
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("612 34 56 78");
        assertThat(protection.open(sealed, coordinates)).isEqualTo(ORIGINAL);
        assertThatThrownBy(() -> DeadLetterProtection.of("another-deployment-secret").open(sealed, coordinates))
                .isInstanceOf(GeneralSecurityException.class);
        assertThatThrownBy(() -> protection.open(sealed, DeadLetterProtection.coordinates("vigil-detector", "message-events", 1, 43)))
                .as("bound to its coordinates").isInstanceOf(GeneralSecurityException.class);
    }

    @Test
    void anOriginalTooLargeToFitAnyRecordIsLeftOutEvenWithAKey() {
        byte[] large = new byte[200_000];

        DeadLetter letter = letter(deadLetters(DeadLetterProtection.of("deployment-dead-letter-secret"), 100_000), large);

        assertThat(letter.getOriginalValue()).isNull();
        assertThat(letter.getOriginalValueProtection()).isEqualTo("omitted");
        assertThat(letter.getOriginalValueBytes()).isEqualTo(200_000);
    }

    @Test
    void aRecordWithHugeHeadersCannotMakeItsDeadLetterTooLarge() {
        RecordHeaders headers = new RecordHeaders();
        for (int i = 0; i < 100; i++) {
            headers.add("h" + i, new byte[10_000]);
        }
        ProducerRecord<byte[], byte[]> record = deadLetters(DeadLetterProtection.of(""), 1_000_000)
                .deadLetter(DeadLetterStage.DESERIALIZATION, context(headers), "chat".getBytes(StandardCharsets.UTF_8), ORIGINAL,
                        new RejectedRecordException("x".repeat(10), "y".repeat(50_000)));

        int headerBytes = 0;
        for (var header : record.headers()) {
            headerBytes += header.key().length() + header.value().length;
        }
        assertThat(headerBytes).isLessThan(DeadLetters.MAX_COPIED_HEADER_BYTES + 20_000);
        assertThat(AvroSerde.of(DeadLetter.class).deserialize("dead-letters", record.value()).getReason()).hasSizeLessThan(1_100);
    }

    @Test
    void deadLettersAreCountedByStageAndReason() {
        letter(deadLetters(DeadLetterProtection.of(""), 1_000_000), ORIGINAL);

        assertThat(registry.counter("vigil.dead.letters", "stage", "deserialization", "reason", "unreadable_record").count()).isEqualTo(1);
    }

    private DeadLetters deadLetters(DeadLetterProtection protection, int maxRecordBytes) {
        return new DeadLetters("dead-letters", "vigil-detector", registry, protection, maxRecordBytes, true,
                Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
    }

    private static DeadLetter letter(DeadLetters deadLetters, byte[] original) {
        ProducerRecord<byte[], byte[]> record = deadLetters.deadLetter(DeadLetterStage.DESERIALIZATION, context(new RecordHeaders()),
                "chat-1".getBytes(StandardCharsets.UTF_8), original,
                new org.apache.kafka.common.errors.SerializationException("not a MessageEvent"));
        return AvroSerde.of(DeadLetter.class).deserialize("dead-letters", record.value());
    }

    private static ErrorHandlerContext context(RecordHeaders headers) {
        return new ErrorHandlerContext() {
            @Override public String topic() { return "message-events"; }
            @Override public int partition() { return 1; }
            @Override public long offset() { return 42; }
            @Override public org.apache.kafka.common.header.Headers headers() { return headers; }
            @Override public String processorNodeId() { return "message-events-source"; }
            @Override public org.apache.kafka.streams.processor.TaskId taskId() { return new org.apache.kafka.streams.processor.TaskId(0, 1); }
            @Override public long timestamp() { return 0; }
            @Override public byte[] sourceRawKey() { return null; }
            @Override public byte[] sourceRawValue() { return null; }
        };
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] out = new byte[buffer.remaining()];
        buffer.duplicate().get(out);
        return out;
    }
}
