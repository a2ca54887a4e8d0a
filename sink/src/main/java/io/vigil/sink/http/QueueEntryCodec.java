package io.vigil.sink.http;

import io.vigil.schemas.QueueEntry;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.io.JsonEncoder;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Queue entries as sink instances pass them to each other: Avro's JSON encoding of the contract, one per line,
 * so that an instance answers for the partitions it holds with full fidelity.
 */
final class QueueEntryCodec {

    private QueueEntryCodec() {
    }

    static String encode(List<QueueEntry> entries) {
        SpecificDatumWriter<QueueEntry> writer = new SpecificDatumWriter<>(QueueEntry.class);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            for (QueueEntry entry : entries) {
                JsonEncoder encoder = EncoderFactory.get().jsonEncoder(QueueEntry.getClassSchema(), out);
                writer.write(entry, encoder);
                encoder.flush();
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("encoding queue entries into memory failed", e);
        }
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    static List<QueueEntry> decode(String lines) {
        SpecificDatumReader<QueueEntry> reader = new SpecificDatumReader<>(QueueEntry.class);
        List<QueueEntry> entries = new ArrayList<>();
        try {
            for (String line : lines.split("\n")) {
                if (!line.isBlank()) {
                    entries.add(reader.read(null, DecoderFactory.get().jsonDecoder(QueueEntry.getClassSchema(), line)));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("a sink instance answered with queue entries that are not the contract", e);
        }
        return entries;
    }
}
