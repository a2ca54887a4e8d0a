package io.vigil.ingest.blobs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Writes media under the blob root the detector and sink read ({@code media.blob-root}), named by content:
 * {@code <prefix>/<first two hex digits>/<sha256>.<ext>}, referenced as {@code file:///<prefix>/...}. The same bytes
 * always land at the same path, so a replay that runs twice, or a bot that sees a re-post, stores them once, and a
 * URI never names different bytes over time. Bytes go to a temporary file first and are moved into place whole, so a
 * reader never sees half a file.
 */
public final class BlobWriter implements MediaStore {

    private static final Pattern EXTENSION = Pattern.compile("[a-z0-9]{1,8}");
    private static final int COPY_BUFFER = 64 * 1024;

    private final Path root;
    private final String prefix;

    /**
     * @param root   the blob root (created if missing)
     * @param prefix the folder under the root this writer owns, e.g. {@code telegram}
     */
    public BlobWriter(Path root, String prefix) {
        this.root = root.toAbsolutePath().normalize();
        this.prefix = prefix;
    }

    @Override
    public Stored store(InputStream bytes, String extension, long maxBytes) throws IOException {
        String ext = extension == null ? "" : extension.toLowerCase(Locale.ROOT);
        if (!ext.isEmpty() && !EXTENSION.matcher(ext).matches()) {
            ext = "";
        }
        Path dir = Files.createDirectories(root.resolve(prefix));
        Path temporary = Files.createTempFile(dir, ".incoming-", ".part");
        try {
            MessageDigest sha256 = sha256();
            long size = 0;
            try (OutputStream out = Files.newOutputStream(temporary)) {
                byte[] buffer = new byte[COPY_BUFFER];
                int n;
                while ((n = bytes.read(buffer)) >= 0) {
                    size += n;
                    if (size > maxBytes) {
                        throw new TooLargeException(maxBytes);
                    }
                    sha256.update(buffer, 0, n);
                    out.write(buffer, 0, n);
                }
            }
            String hex = HexFormat.of().formatHex(sha256.digest());
            String name = hex + (ext.isEmpty() ? "" : "." + ext);
            String relative = prefix + "/" + hex.substring(0, 2) + "/" + name;
            Path target = root.resolve(relative);
            if (!Files.exists(target)) {
                Files.createDirectories(target.getParent());
                moveIntoPlace(temporary, target);
            }
            return new Stored(hex, "file:///" + relative, size);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static void moveIntoPlace(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            // Another writer stored the same bytes first: the same content under the same name.
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }
}
