package io.vigil.schemas.serde;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The bounded decoder reads Avro's binary encoding itself, so it is held to Avro's own decoder on every kind of value:
 * the same records come out of the same bytes, whether the writer blocks its collections or not, and whether the
 * reader keeps or skips a field.
 */
class BoundedDecoderTest {

    private static final Schema COLOUR = SchemaBuilder.enumeration("Colour").symbols("RED", "GREEN", "BLUE");
    private static final Schema DIGEST = SchemaBuilder.fixed("Digest").size(4);
    private static final Schema ITEM = SchemaBuilder.record("Item").fields()
            .requiredString("name").requiredDouble("weight").endRecord();

    /** Every kind of value Avro encodes, at the edges of its range. */
    private static final Schema WRITER = SchemaBuilder.record("Everything").fields()
            .requiredBoolean("flag")
            .requiredInt("smallNumber")
            .requiredLong("bigNumber")
            .requiredFloat("ratio")
            .requiredDouble("score")
            .requiredString("text")
            .requiredBytes("blob")
            .name("digest").type(DIGEST).noDefault()
            .name("colour").type(COLOUR).noDefault()
            .name("maybe").type().unionOf().nullType().and().stringType().and().longType().endUnion().noDefault()
            .name("items").type().array().items(ITEM).noDefault()
            .name("counts").type().map().values().longType().noDefault()
            .name("tags").type().array().items().stringType().noDefault()
            .endRecord();

    /** The same record without most of its fields: a resolving reader skips them in the writer's bytes. */
    private static final Schema SKIPPING_READER = SchemaBuilder.record("Everything").fields()
            .requiredBoolean("flag")
            .requiredLong("bigNumber")
            .endRecord();

    @Test
    void decodesEveryKindOfValueAsAvrosOwnDecoderDoes() throws IOException {
        Random random = new Random(13);
        for (int i = 0; i < 500; i++) {
            GenericRecord record = randomRecord(random);
            for (boolean blocking : new boolean[]{false, true}) {
                byte[] bytes = encode(record, blocking);

                GenericRecord bounded = readBounded(WRITER, WRITER, bytes);

                assertThat(bounded).as("record %d, blocking %s", i, blocking).isEqualTo(readByAvro(WRITER, WRITER, bytes));
                assertThat(bounded).isEqualTo(record);
            }
        }
    }

    @Test
    void skipsEveryKindOfValueAsAvrosOwnDecoderDoes() throws IOException {
        Random random = new Random(31);
        for (int i = 0; i < 200; i++) {
            GenericRecord record = randomRecord(random);
            for (boolean blocking : new boolean[]{false, true}) {
                byte[] bytes = encode(record, blocking);
                GenericRecord byAvro = readByAvro(WRITER, SKIPPING_READER, bytes);
                BoundedDecoder decoder = new BoundedDecoder(bytes, 0, bytes.length);

                GenericRecord skipped = new GenericDatumReader<GenericRecord>(WRITER, SKIPPING_READER).read(null, decoder);

                assertThat(skipped).isEqualTo(byAvro);
                assertThat(skipped.get("bigNumber")).isEqualTo(record.get("bigNumber"));
                assertThat(decoder.remaining()).isZero();
            }
        }
    }

    @Test
    void refusesEveryTruncationOfARecordWithAReasonRatherThanAnIndexError() throws IOException {
        byte[] bytes = encode(randomRecord(new Random(7)), true);

        for (int length = 0; length < bytes.length; length++) {
            byte[] truncated = Arrays.copyOf(bytes, length);
            assertThatThrownBy(() -> readBounded(WRITER, WRITER, truncated)).as("first %d bytes", length)
                    .isInstanceOf(BoundedDecoder.BoundExceededException.class)
                    .hasMessageMatching(".*(record ends inside|declares).*");
        }
    }

    @Test
    void readsOnlyTheBytesItIsGivenWithinALargerArray() throws IOException {
        GenericRecord record = randomRecord(new Random(3));
        byte[] bytes = encode(record, false);
        byte[] framed = new byte[bytes.length + 20];
        Arrays.fill(framed, (byte) 0x7F);
        System.arraycopy(bytes, 0, framed, 10, bytes.length);

        BoundedDecoder decoder = new BoundedDecoder(framed, 10, bytes.length);

        assertThat(new GenericDatumReader<GenericRecord>(WRITER).read(null, decoder)).isEqualTo(record);
        assertThat(decoder.remaining()).isZero();
    }

    @Test
    void refusesVarintsLongerThanTheirType() {
        byte[] intTooLong = {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x01};
        byte[] longTooLong = new byte[11];
        Arrays.fill(longTooLong, 0, 10, (byte) 0x80);
        longTooLong[10] = 0x01;

        assertThatThrownBy(() -> new BoundedDecoder(intTooLong, 0, intTooLong.length).readInt())
                .hasMessageContaining("an int takes more than 5 bytes");
        assertThatThrownBy(() -> new BoundedDecoder(longTooLong, 0, longTooLong.length).readLong())
                .hasMessageContaining("a long takes more than 10 bytes");
    }

    @Test
    void refusesASkippedBlockThatDeclaresANegativeSize() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        encoder.writeLong(-1); // a block of one item...
        encoder.writeLong(-5); // ...that says it is -5 bytes long, which would move the reader backwards
        encoder.flush();
        byte[] bytes = out.toByteArray();

        assertThatThrownBy(() -> new BoundedDecoder(bytes, 0, bytes.length).skipArray())
                .hasMessageContaining("block declares a negative size (-5)");
    }

    private static GenericRecord randomRecord(Random random) {
        GenericRecord record = new GenericData.Record(WRITER);
        record.put("flag", random.nextBoolean());
        record.put("smallNumber", pick(random, Integer.MIN_VALUE, Integer.MAX_VALUE, -1, 0, 63, -64, 64, random.nextInt()));
        record.put("bigNumber", pick(random, Long.MIN_VALUE, Long.MAX_VALUE, -1L, 0L, 1L << 35, random.nextLong()));
        record.put("ratio", pick(random, Float.NaN, Float.NEGATIVE_INFINITY, -0.0f, Float.MIN_VALUE, random.nextFloat()));
        record.put("score", pick(random, Double.NaN, Double.MAX_VALUE, -0.0, Double.MIN_VALUE, random.nextGaussian()));
        record.put("text", randomText(random));
        byte[] blob = new byte[random.nextInt(40)];
        random.nextBytes(blob);
        record.put("blob", ByteBuffer.wrap(blob));
        byte[] digest = new byte[4];
        random.nextBytes(digest);
        record.put("digest", new GenericData.Fixed(DIGEST, digest));
        record.put("colour", new GenericData.EnumSymbol(COLOUR, COLOUR.getEnumSymbols().get(random.nextInt(3))));
        record.put("maybe", pick(random, null, randomText(random), random.nextLong()));
        List<GenericRecord> items = new ArrayList<>();
        for (int i = random.nextInt(6); i > 0; i--) {
            GenericRecord item = new GenericData.Record(ITEM);
            item.put("name", randomText(random));
            item.put("weight", random.nextDouble());
            items.add(item);
        }
        record.put("items", items);
        Map<String, Long> counts = new LinkedHashMap<>();
        for (int i = random.nextInt(5); i > 0; i--) {
            counts.put(randomText(random) + i, random.nextLong());
        }
        record.put("counts", counts);
        List<String> tags = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            tags.add(randomText(random));
        }
        record.put("tags", tags);
        return record;
    }

    @SafeVarargs
    private static <T> T pick(Random random, T... choices) {
        return choices[random.nextInt(choices.length)];
    }

    private static String randomText(Random random) {
        String[] pieces = {"", "a", "Калинина", "東京都", "🙂", "+34 600 123 456", "x".repeat(200)};
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(4); i > 0; i--) {
            text.append(pieces[random.nextInt(pieces.length)]);
        }
        return text.toString();
    }

    /** Avro's blocking encoder writes collections as blocks with a negative count and a byte size. */
    private static byte[] encode(GenericRecord record, boolean blocking) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = blocking
                ? new EncoderFactory().configureBlockSize(64).blockingBinaryEncoder(out, null)
                : EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(WRITER).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    private static GenericRecord readBounded(Schema writer, Schema reader, byte[] bytes) throws IOException {
        BoundedDecoder decoder = new BoundedDecoder(bytes, 0, bytes.length);
        GenericRecord record = new GenericDatumReader<GenericRecord>(writer, reader).read(null, decoder);
        assertThat(decoder.remaining()).isZero();
        return record;
    }

    private static GenericRecord readByAvro(Schema writer, Schema reader, byte[] bytes) throws IOException {
        return new GenericDatumReader<GenericRecord>(writer, reader).read(null, DecoderFactory.get().binaryDecoder(bytes, null));
    }
}
