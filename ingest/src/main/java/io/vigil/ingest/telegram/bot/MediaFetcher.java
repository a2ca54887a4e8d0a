package io.vigil.ingest.telegram.bot;

import io.vigil.ingest.blobs.MediaStore;
import io.vigil.ingest.blobs.PhotoFingerprints;
import io.vigil.schemas.GroupPhoto;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Fetches a message's files through getFile into the blob store, within the byte limit. A failure that may pass (no
 * answer, a 5xx, too many requests) is thrown, so the batch is retried with its offset unconfirmed; one that will not
 * (the API refuses the file) becomes a reason on the item.
 */
final class MediaFetcher {

    /** Fetching may work later: retry the batch. */
    static final class TransientException extends IOException {
        TransientException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A file fetched, or why not. */
    record Fetched(MediaStore.Stored stored, String unavailable, byte[] bytes) {
    }

    private final BotApi api;
    private final MediaStore store;
    private final long maxBytes;
    private final PhotoFingerprints photos = new PhotoFingerprints();

    MediaFetcher(BotApi api, MediaStore store, long maxBytes) {
        this.api = api;
        this.store = store;
        this.maxBytes = maxBytes;
    }

    Fetched fetch(String fileId, String extension, boolean keepBytes) throws TransientException, InterruptedException {
        BotApi.FileInfo file;
        try {
            file = api.getFile(fileId);
        } catch (BotApiException e) {
            if (isPermanent(e)) {
                return new Fetched(null, "download_failed", null);
            }
            throw new TransientException("getFile failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new TransientException("getFile failed: " + e.getClass().getSimpleName(), e);
        }
        if (file.size() != null && file.size() > maxBytes) {
            return new Fetched(null, "too_large", null);
        }
        try (InputStream in = api.download(file.path())) {
            if (keepBytes) {
                byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
                if (bytes.length > maxBytes) {
                    return new Fetched(null, "too_large", null);
                }
                return new Fetched(store.store(new ByteArrayInputStream(bytes), extension, maxBytes), null, bytes);
            }
            return new Fetched(store.store(in, extension, maxBytes), null, null);
        } catch (MediaStore.TooLargeException e) {
            return new Fetched(null, "too_large", null);
        } catch (BotApiException e) {
            if (isPermanent(e)) {
                return new Fetched(null, "download_failed", null);
            }
            throw new TransientException("download failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new TransientException("download failed: " + e.getClass().getSimpleName(), e);
        }
    }

    /** A chat's new photo: stored, and fingerprinted for lineage; null when it cannot be had. */
    GroupPhoto groupPhoto(String fileId) throws TransientException, InterruptedException {
        Fetched fetched = fetch(fileId, "jpg", true);
        if (fetched.stored() == null) {
            return null;
        }
        return photos.of(fetched.bytes(), fetched.stored().blobUri());
    }

    /** 4xx other than 429 (too many requests) and 408: the API will not serve this file. */
    private static boolean isPermanent(BotApiException e) {
        return e.code() >= 400 && e.code() < 500 && e.code() != 429 && e.code() != 408;
    }
}
