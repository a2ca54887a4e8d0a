package io.vigil.runtime.blobs;

import io.vigil.schemas.MediaItem;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Where a media item's bytes come from: inline in the event for small media, or a {@code file:} URI under the
 * configured blob root (a mount of the platform's media store). A URI that escapes the root is refused: event
 * producers are not trusted to name arbitrary files on the services' hosts. The detector reads media to analyse it,
 * the sink to show it to a moderator who asks.
 */
public final class BlobStore {

    /** Longer URIs are no media references; they are refused before parsing. */
    static final int MAX_URI_CHARS = 4096;

    private final Path root;
    private final long maxBytes;

    public BlobStore(Path root, long maxBytes) {
        this.root = root.toAbsolutePath().normalize();
        this.maxBytes = maxBytes;
    }

    public byte[] fetch(MediaItem item) throws BlobException {
        return fetch(item.getInlineBytes(), item.getBlobUri());
    }

    /** The bytes inline if given, else those the blob URI names. */
    public byte[] fetch(ByteBuffer inlineBytes, String blobUri) throws BlobException {
        if (inlineBytes != null) {
            ByteBuffer inline = inlineBytes.duplicate();
            if (inline.remaining() > maxBytes) {
                throw new BlobException("blob_too_large", "inline media is " + inline.remaining() + " bytes, limit " + maxBytes);
            }
            byte[] bytes = new byte[inline.remaining()];
            inline.get(bytes);
            return bytes;
        }
        if (blobUri == null) {
            throw new BlobException("no_bytes", "media item has neither inline bytes nor a blob URI");
        }
        return readFile(resolve(blobUri));
    }

    Path resolve(String blobUri) throws BlobException {
        if (blobUri.length() > MAX_URI_CHARS) {
            throw new BlobException("bad_uri", "blob URI is " + blobUri.length() + " characters, more than " + MAX_URI_CHARS);
        }
        URI uri;
        try {
            uri = new URI(blobUri);
        } catch (URISyntaxException e) {
            throw new BlobException("bad_uri", "blob URI is not a valid URI");
        }
        if (!"file".equalsIgnoreCase(uri.getScheme())) {
            throw new BlobException("unsupported_uri", "blob URI scheme '" + uri.getScheme() + "' is not supported (file: only)");
        }
        if (uri.getPath() == null || uri.getPath().isEmpty()) {
            throw new BlobException("bad_uri", "file: URI has no path");
        }
        if (uri.getRawAuthority() != null && !uri.getRawAuthority().isEmpty()) {
            throw new BlobException("bad_uri", "file: URI names a host; blobs are read under the blob root only");
        }
        Path path;
        try {
            path = root.resolve(uri.getPath().replaceFirst("^/+", "")).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            throw new BlobException("bad_uri", "blob URI is no valid path");
        }
        if (!path.startsWith(root)) {
            throw new BlobException("blob_outside_root", "blob URI points outside the blob root");
        }
        return path;
    }

    /** A link under the root may point anywhere: the file actually read must be under the root too. */
    private Path realPathUnderRoot(Path path) throws IOException, BlobException {
        Path real = path.toRealPath();
        if (!real.startsWith(root.toRealPath())) {
            throw new BlobException("blob_outside_root", "blob URI points through a link outside the blob root");
        }
        if (!Files.isRegularFile(real)) {
            throw new BlobException("blob_unreadable", "blob is not a regular file");
        }
        return real;
    }

    private byte[] readFile(Path resolved) throws BlobException {
        try {
            Path path = realPathUnderRoot(resolved);
            long size = Files.size(path);
            if (size > maxBytes) {
                throw new BlobException("blob_too_large", "blob is " + size + " bytes, limit " + maxBytes);
            }
            try (InputStream in = Files.newInputStream(path)) {
                byte[] bytes = in.readNBytes((int) maxBytes + 1);
                if (bytes.length > maxBytes) {
                    throw new BlobException("blob_too_large", "blob grew past the limit of " + maxBytes + " bytes while read");
                }
                return bytes;
            }
        } catch (NoSuchFileException e) {
            throw new BlobException("blob_not_found", "blob not found under the blob root");
        } catch (IOException e) {
            throw new BlobException("blob_unreadable", "blob cannot be read: " + e.getClass().getSimpleName());
        }
    }
}
