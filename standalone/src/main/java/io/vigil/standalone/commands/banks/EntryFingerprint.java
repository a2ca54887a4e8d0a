package io.vigil.standalone.commands.banks;

import io.vigil.schemas.HashBankEntry;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an import compares to decide that an entry is unchanged: 64 bits of the SHA-256 of everything an entry says
 * except the time it was written (bank, signal type, value, entry id, category, source, quality, negative, metadata
 * in key order). The bank, type and value repeat the record key, so a record whose value disagrees with its key
 * counts as changed and is rewritten. Two different entries share a fingerprint with probability 2^-64.
 */
final class EntryFingerprint {

    private EntryFingerprint() {
    }

    static long of(HashBankEntry entry) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            string(out, entry.getBankId());
            string(out, entry.getSignalType().name());
            string(out, entry.getValue());
            string(out, entry.getEntryId());
            string(out, entry.getCategory().name());
            string(out, entry.getSource().name());
            out.writeInt(entry.getQuality() == null ? -1 : entry.getQuality());
            out.writeBoolean(entry.getNegative());
            Map<String, String> metadata = new TreeMap<>(entry.getMetadata());
            out.writeInt(metadata.size());
            for (Map.Entry<String, String> field : metadata.entrySet()) {
                string(out, field.getKey());
                string(out, field.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen in memory
        }
        return ByteBuffer.wrap(sha256().digest(bytes.toByteArray())).getLong();
    }

    /** Length-prefixed, so that no two different sequences of fields encode alike. */
    private static void string(DataOutputStream out, String value) throws IOException {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }
}
