package io.vigil.schemas.serde;

import io.vigil.schemas.ForwardOrigin;
import io.vigil.schemas.MediaItem;
import io.vigil.schemas.MediaKind;
import io.vigil.schemas.MessageEvent;
import io.vigil.schemas.ModerationDecision;
import io.vigil.schemas.TextEntity;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AvroSerdeTest {

    private final AvroSerde<MessageEvent> serde = AvroSerde.of(MessageEvent.class);

    @Test
    void roundTripsAFullMessage() {
        MessageEvent event = MessageEvent.newBuilder()
                .setPlatform("telegram").setMessageId("77").setChatId("-100123").setSenderId("42")
                .setSentAt(Instant.parse("2026-11-01T10:15:30.123Z"))
                .setText("hola")
                .setEntities(List.of(new TextEntity("hashtag", 0, 4, null)))
                .setMedia(List.of(MediaItem.newBuilder().setMediaId("m1").setKind(MediaKind.PHOTO)
                        .setMime("image/jpeg").setWidth(1280).setHeight(960)
                        .setInlineBytes(ByteBuffer.wrap(new byte[]{1, 2, 3})).build()))
                .setForwardedFrom(ForwardOrigin.newBuilder().setChatId("-100999").setHidden(false).build())
                .build();

        byte[] bytes = serde.serialize("message-events", event);

        assertThat(serde.deserialize("message-events", bytes)).isEqualTo(event);
    }

    @Test
    void writesTheSingleObjectHeaderWithTheSchemaFingerprint() {
        MessageEvent event = minimalEvent();
        byte[] bytes = serde.serialize("t", event);

        long fingerprint = SchemaHistory.fingerprint(MessageEvent.getClassSchema());
        assertThat(bytes[0]).isEqualTo((byte) 0xC3);
        assertThat(bytes[1]).isEqualTo((byte) 0x01);
        assertThat(ByteBuffer.wrap(bytes, 2, 8).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong()).isEqualTo(fingerprint);
    }

    @Test
    void nullIsATombstoneBothWays() {
        assertThat(serde.serialize("t", null)).isNull();
        assertThat(serde.deserialize("t", null)).isNull();
    }

    @Test
    void refusesBytesThatAreNotSingleObjectEncodedWithAClearReason() {
        assertThatThrownBy(() -> serde.deserialize("message-events", "{\"text\":\"json\"}".getBytes()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("message-events")
                .hasMessageContaining("not an Avro single-object encoded MessageEvent");
    }

    @Test
    void refusesARecordOfAnotherContract() {
        byte[] decision = AvroSerde.of(ModerationDecision.class).serialize("t", ModerationDecision.newBuilder()
                .setItemId("i").setQueue("q").setPlatform("p").setChatId("c").setMessageId("m")
                .setAction(io.vigil.schemas.ModerationAction.ESCALATED).setModeratorId("mod")
                .setDecidedAt(Instant.EPOCH).build());

        assertThatThrownBy(() -> serde.deserialize("message-events", decision))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("no released version of MessageEvent");
    }

    @Test
    void refusesATruncatedBody() {
        byte[] bytes = serde.serialize("t", minimalEvent());
        byte[] truncated = java.util.Arrays.copyOf(bytes, 14);

        assertThatThrownBy(() -> serde.deserialize("message-events", truncated))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("corrupt MessageEvent");
    }

    @Test
    void readsARecordWrittenByAnUnregisteredButCompatibleWriterOnlyOnceItIsReleased() throws Exception {
        Schema olderWriter = new Schema.Parser().parse("""
                {"type":"record","name":"MessageEvent","namespace":"io.vigil.schemas","fields":[
                  {"name":"platform","type":"string"},{"name":"messageId","type":"string"},
                  {"name":"chatId","type":"string"},{"name":"senderId","type":"string"},
                  {"name":"sentAt","type":{"type":"long","logicalType":"timestamp-millis"}}]}""");
        GenericRecord old = new GenericData.Record(olderWriter);
        old.put("platform", "telegram");
        old.put("messageId", "1");
        old.put("chatId", "c");
        old.put("senderId", "s");
        old.put("sentAt", 0L);
        ByteBuffer encoded = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), olderWriter).encode(old);
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);

        assertThatThrownBy(() -> serde.deserialize("message-events", bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("no released version");
    }

    @Test
    void readsARecordThatAnOlderReleasedVersionWrote() throws Exception {
        Schema v1 = SchemaHistory.releasedVersions("Detection").get(0);
        Schema mediaV1 = v1.getField("media").schema().getElementType();
        GenericRecord media = new GenericData.Record(mediaV1);
        media.put("mediaId", "a");
        media.put("kind", new GenericData.EnumSymbol(mediaV1.getField("kind").schema(), "PHOTO"));
        media.put("sha256", "ab".repeat(32));
        media.put("matches", List.of());
        media.put("errors", List.of());
        GenericRecord old = new GenericData.Record(v1);
        old.put("platform", "telegram");
        old.put("chatId", "c");
        old.put("messageId", "m");
        old.put("senderId", "s");
        old.put("sentAt", 0L);
        old.put("detectedAt", 0L);
        old.put("media", List.of(media));
        ByteBuffer encoded = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), v1).encode(old);
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);

        io.vigil.schemas.Detection read = AvroSerde.of(io.vigil.schemas.Detection.class).deserialize("detections", bytes);

        assertThat(read.getMedia().get(0).getSha256()).isEqualTo("ab".repeat(32));
        assertThat(read.getMedia().get(0).getPdq()).isNull();
        assertThat(read.getMedia().get(0).getSkipped()).isEmpty();
        assertThat(read.getText()).isNull();
    }

    @Test
    void trustsOnlyVigilsOwnPackagesForJavaClassStrings() throws Exception {
        Schema stringable = new Schema.Parser().parse("{\"type\":\"string\",\"java-class\":\"java.net.URI\"}");
        TrustedSpecificData data = new TrustedSpecificData(SpecificData.getForClass(MessageEvent.class));
        @SuppressWarnings("unchecked")
        DatumReader<Object> reader = data.createDatumReader(stringable, stringable);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        encoder.writeString("file:///etc/passwd");
        encoder.flush();

        assertThatThrownBy(() -> reader.read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null)))
                .isInstanceOf(SecurityException.class)
                .hasMessageContaining("java.net.URI");
        assertThat(((org.apache.avro.specific.SpecificDatumReader<?>) reader).getTrustedPackages())
                .containsExactly("io.vigil.schemas.");
    }

    @Test
    void refusesAnArrayThatDeclaresMoreItemsThanItHasBytesBeforeAllocatingIt() throws Exception {
        byte[] bomb = eventWith(body -> {
            body.writeIndex(0);             // text: null
            body.writeLong((1L << 31) - 17); // entities: 2^31-17 items, in a record of a few dozen bytes
        });

        assertThat(bomb.length).isLessThan(48);
        assertThatThrownBy(() -> serde.deserialize("message-events", bomb))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("corrupt MessageEvent")
                .hasMessageContaining("array declares 2147483631 items");
    }

    @Test
    void refusesANegativeItemCountWhoseBlockSizeIsNotThere() throws Exception {
        byte[] bomb = eventWith(body -> {
            body.writeIndex(0);
            body.writeLong(-((1L << 31) - 17)); // a blocked array: the count is negative and a byte size follows
            body.writeLong(1L << 40);
        });

        assertThatThrownBy(() -> serde.deserialize("message-events", bomb))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("block declares 1099511627776 bytes");
    }

    @Test
    void refusesAStringThatDeclaresTwoGigabytesWithoutAllocatingThem() throws Exception {
        byte[] bomb = eventWith(body -> {
            body.writeIndex(1);
            body.writeLong(Integer.MAX_VALUE - 8); // text: a 2 GB string in a record of a few dozen bytes
        });

        assertThatThrownBy(() -> serde.deserialize("message-events", bomb))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("string declares 2147483639 bytes");
    }

    @Test
    void refusesBytesThatDeclareMoreThanTheRecordHolds() throws Exception {
        byte[] bomb = eventWith(body -> {
            body.writeIndex(0);  // text
            body.writeLong(0);   // entities: none
            body.writeLong(1);   // media: one item
            body.writeString("m");
            body.writeEnum(0);   // kind
            body.writeIndex(0);  // mime
            body.writeIndex(0);  // sizeBytes
            body.writeIndex(0);  // width
            body.writeIndex(0);  // height
            body.writeIndex(0);  // blobUri
            body.writeIndex(1);  // inlineBytes: 2 GB declared
            body.writeLong(Integer.MAX_VALUE - 8);
        });

        assertThatThrownBy(() -> serde.deserialize("message-events", bomb))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("bytes value declares 2147483639 bytes");
    }

    @Test
    void refusesAMapThatDeclaresMoreEntriesThanItHasBytes() {
        io.vigil.schemas.NudityScores scores = io.vigil.schemas.NudityScores.newBuilder().setModel("m")
                .setScores(java.util.Map.of("scorekey", 0.5)).setExplicit(0).setSuggestive(0).setDrawn(0).setNeutral(1).build();
        // NudityScores is no contract of its own; a Detection carries it. Encode one and corrupt the map's count.
        io.vigil.schemas.Detection detection = io.vigil.schemas.Detection.newBuilder().setPlatform("p").setChatId("c")
                .setMessageId("m").setSenderId("s").setSentAt(Instant.EPOCH).setDetectedAt(Instant.EPOCH)
                .setMedia(List.of(io.vigil.schemas.MediaSignal.newBuilder().setMediaId("a").setKind(MediaKind.PHOTO)
                        .setNudity(scores).build())).build();
        AvroSerde<io.vigil.schemas.Detection> detections = AvroSerde.of(io.vigil.schemas.Detection.class);
        byte[] bytes = detections.serialize("detections", detection);
        // The map {"scorekey": 0.5} is encoded as count 1 (0x02), the key (length 8: 0x10, then its bytes), then the
        // double; make the count huge.
        int at = indexOf(bytes, new byte[]{0x02, 0x10, 's', 'c', 'o', 'r', 'e'});
        assertThat(at).isPositive();
        byte[] bomb = new byte[bytes.length + 4];
        System.arraycopy(bytes, 0, bomb, 0, at);
        byte[] huge = {(byte) 0xDE, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x0F}; // zig-zag varint of 2^31-17
        System.arraycopy(huge, 0, bomb, at, huge.length);
        System.arraycopy(bytes, at + 1, bomb, at + huge.length, bytes.length - at - 1);

        assertThatThrownBy(() -> detections.deserialize("detections", bomb))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("map declares 2147483631 items");
    }

    @Test
    void refusesBytesAfterTheEndOfTheRecord() {
        byte[] bytes = serde.serialize("t", minimalEvent());
        byte[] padded = java.util.Arrays.copyOf(bytes, bytes.length + 3);

        assertThatThrownBy(() -> serde.deserialize("message-events", padded))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("3 bytes after the end of the record");
    }

    @Test
    void everyContractCanBeDecodedWithinItsOwnBytes() {
        for (Class<? extends org.apache.avro.specific.SpecificRecordBase> contract : Contracts.ALL) {
            for (Schema version : SchemaHistory.releasedVersions(contract.getSimpleName())) {
                assertThat(MinimumSize.arraysOfEmptyItems(version)).as(contract.getSimpleName()).isEmpty();
            }
            assertThat(AvroSerde.of(contract).type()).isEqualTo(contract);
        }
    }

    @Test
    void knowsTheFewestBytesOfEachKindOfValue() {
        Schema emptyRecord = new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"E\",\"fields\":[]}");
        Schema arrayOfEmpty = Schema.createArray(emptyRecord);
        Schema arrayOfNulls = Schema.createArray(Schema.create(Schema.Type.NULL));

        assertThat(MinimumSize.of(emptyRecord)).isZero();
        assertThat(MinimumSize.of(Schema.createUnion(Schema.create(Schema.Type.NULL), Schema.create(Schema.Type.DOUBLE)))).isEqualTo(1);
        assertThat(MinimumSize.of(MessageEvent.getClassSchema())).isGreaterThanOrEqualTo(8);
        assertThat(MinimumSize.arraysOfEmptyItems(arrayOfEmpty)).hasSize(1);
        assertThat(MinimumSize.arraysOfEmptyItems(arrayOfNulls)).hasSize(1);
    }

    /** A MessageEvent with the required identifiers, then whatever {@code rest} writes for the remaining fields. */
    private static byte[] eventWith(BodyWriter rest) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[]{(byte) 0xC3, 0x01});
        out.write(ByteBuffer.allocate(8).order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .putLong(SchemaHistory.fingerprint(MessageEvent.getClassSchema())).array());
        BinaryEncoder body = EncoderFactory.get().directBinaryEncoder(out, null);
        body.writeString("telegram");
        body.writeString("1");
        body.writeString("c");
        body.writeString("s");
        body.writeLong(0);   // sentAt
        body.writeIndex(0);  // editedAt: null
        rest.write(body);
        body.flush();
        return out.toByteArray();
    }

    private interface BodyWriter {
        void write(BinaryEncoder body) throws Exception;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static MessageEvent minimalEvent() {
        return MessageEvent.newBuilder().setPlatform("telegram").setMessageId("1").setChatId("c").setSenderId("s")
                .setSentAt(Instant.EPOCH).build();
    }
}
