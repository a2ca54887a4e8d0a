package io.vigil.schemas.serde;

import org.apache.avro.Schema;
import org.apache.avro.io.DatumReader;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Kafka serde for a generated Avro record in Avro single-object encoding: two marker bytes, the 8-byte
 * CRC-64-AVRO fingerprint of the writer's schema, then the Avro binary body. The fingerprint tells every consumer
 * which schema wrote a record without a registry; older released versions of the contract are registered from
 * {@link SchemaHistory} so that records written before an evolution are still read.
 *
 * <p>Decoding is bounded: every length and count a record declares is checked against the bytes it has before
 * anything is allocated ({@link BoundedDecoder}), and a record must end where its bytes end. A hostile or corrupt
 * record therefore costs at most a few times its own size and fails as a {@link SerializationException}, which the
 * services' deserialization handler turns into a dead letter. Thread-safe.
 */
public final class AvroSerde<T extends SpecificRecordBase> implements Serde<T>, Serializer<T>, Deserializer<T> {

    /** Avro single-object encoding: the marker C3 01, then the writer schema's CRC-64-AVRO fingerprint, little-endian. */
    private static final byte[] MARKER = {(byte) 0xC3, (byte) 0x01};
    private static final int HEADER_BYTES = MARKER.length + Long.BYTES;

    private final Class<T> type;
    private final BinaryMessageEncoder<T> encoder;
    /** Datum readers by the fingerprint of the writer schema they read (the current one and every released one). */
    private final Map<Long, DatumReader<T>> readers = new HashMap<>();

    private AvroSerde(Class<T> type) {
        this.type = type;
        SpecificData model = new TrustedSpecificData(SpecificData.getForClass(type));
        Schema current = model.getSchema(type);
        this.encoder = new BinaryMessageEncoder<>(model, current);
        List<Schema> writers = new java.util.ArrayList<>(SchemaHistory.releasedVersions(current.getName()));
        writers.add(current);
        for (Schema writer : writers) {
            List<String> unbounded = MinimumSize.arraysOfEmptyItems(writer);
            if (!unbounded.isEmpty()) {
                throw new IllegalStateException(type.getSimpleName() + " has arrays whose items may take no bytes, which bounded "
                        + "decoding cannot check against the record's size: " + unbounded);
            }
            @SuppressWarnings("unchecked")
            DatumReader<T> reader = model.createDatumReader(writer, current);
            readers.put(SchemaHistory.fingerprint(writer), reader);
        }
    }

    public static <T extends SpecificRecordBase> AvroSerde<T> of(Class<T> type) {
        return new AvroSerde<>(type);
    }

    public Class<T> type() {
        return type;
    }

    @Override
    public byte[] serialize(String topic, T record) {
        if (record == null) {
            return null;
        }
        try {
            ByteBuffer buffer = encoder.encode(record);
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot encode " + type.getSimpleName() + " for topic " + topic + ": " + e.getMessage(), e);
        }
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (data.length < HEADER_BYTES || data[0] != MARKER[0] || data[1] != MARKER[1]) {
            throw new SerializationException("record on " + topic + " is not an Avro single-object encoded "
                    + type.getSimpleName() + " (" + (data.length < HEADER_BYTES ? "only " + data.length + " bytes"
                    : "no single-object marker") + ")");
        }
        long fingerprint = ByteBuffer.wrap(data, MARKER.length, Long.BYTES).order(ByteOrder.LITTLE_ENDIAN).getLong();
        DatumReader<T> reader = readers.get(fingerprint);
        if (reader == null) {
            throw new SerializationException("record on " + topic + " was written with a schema that is no released version of "
                    + type.getSimpleName() + " (fingerprint " + Long.toHexString(fingerprint) + ")");
        }
        BoundedDecoder decoder = new BoundedDecoder(data, HEADER_BYTES, data.length - HEADER_BYTES);
        T record;
        try {
            record = reader.read(null, decoder);
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("record on " + topic + " is a corrupt " + type.getSimpleName() + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        }
        if (decoder.remaining() > 0) {
            throw new SerializationException("record on " + topic + " is a corrupt " + type.getSimpleName() + ": "
                    + decoder.remaining() + " bytes after the end of the record");
        }
        return record;
    }

    @Override
    public Serializer<T> serializer() {
        return this;
    }

    @Override
    public Deserializer<T> deserializer() {
        return this;
    }

    @Override
    public void configure(java.util.Map<String, ?> configs, boolean isKey) {
        // Nothing to configure: the record type fixes the schema.
    }

    @Override
    public void close() {
        // Nothing to release: the encoder holds only thread-local buffers, each decode its own decoder.
    }
}
