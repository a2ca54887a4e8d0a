package io.vigil.schemas.serde;

import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Every released version of each contract, kept as resources under {@code avro-history/<Record>/v<N>.avsc}.
 * A decoder registers them so that a record written by an older producer is still read (schema resolution fills
 * new fields from their defaults); the evolution test checks the current schema against each of them.
 */
public final class SchemaHistory {

    private static final String ROOT = "/avro-history/";
    private static final int MAX_VERSIONS = 1000;

    private SchemaHistory() {
    }

    /** Released versions of a record, oldest first; empty for a contract that has only its current version. */
    public static List<Schema> releasedVersions(String recordName) {
        List<Schema> versions = new ArrayList<>();
        for (int version = 1; version <= MAX_VERSIONS; version++) {
            String path = ROOT + recordName + "/v" + version + ".avsc";
            try (InputStream in = SchemaHistory.class.getResourceAsStream(path)) {
                if (in == null) {
                    break;
                }
                versions.add(new Schema.Parser().parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read schema history " + path, e);
            }
        }
        return versions;
    }

    /** The fingerprint that Avro single-object encoding writes in each record's header. */
    public static long fingerprint(Schema schema) {
        return SchemaNormalization.parsingFingerprint64(schema);
    }
}
