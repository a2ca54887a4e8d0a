package io.vigil.sink.http;

import org.apache.avro.Schema;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.io.JsonEncoder;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecordBase;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Contract records as sink instances pass them to each other: Avro's JSON encoding, one per line, so an instance
 * answers for the partitions it holds with full fidelity.
 */
final class AvroJsonLines<T extends SpecificRecordBase> {

    private final Class<T> type;
    private final Schema schema;

    AvroJsonLines(Class<T> type, Schema schema) {
        this.type = type;
        this.schema = schema;
    }

    String encode(List<T> records) {
        SpecificDatumWriter<T> writer = new SpecificDatumWriter<>(type);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            for (T record : records) {
                JsonEncoder encoder = EncoderFactory.get().jsonEncoder(schema, out);
                writer.write(record, encoder);
                encoder.flush();
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("encoding " + type.getSimpleName() + " records into memory failed", e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    List<T> decode(String lines) {
        SpecificDatumReader<T> reader = new SpecificDatumReader<>(type);
        List<T> records = new ArrayList<>();
        try {
            for (String line : lines.split("\n")) {
                if (!line.isBlank()) {
                    records.add(reader.read(null, DecoderFactory.get().jsonDecoder(schema, line)));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("a sink instance answered with records that are not the " + type.getSimpleName() + " contract", e);
        }
        return records;
    }
}
