package io.vigil.ingest.telegram.export;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.ingest.blobs.MediaStore;
import io.vigil.schemas.MediaItem;
import io.vigil.schemas.MediaKind;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The media of an export message as MediaItems: a {@code photo}, or a {@code file} with its {@code media_type}, and a
 * {@code thumbnail} beside a file as an image of its own. Files in the export are copied into the blob store (up to
 * the size limit) and referenced by URI. A file the export left out is written as a placeholder string; such an item,
 * like a file that is missing or over the limit, stays in the message as media of unknown content with the reason in
 * {@code unavailable}: the message is never shown as text-only when it carried media.
 */
final class ExportMedia {

    /** tdesktop's {@code media_type} values ({@code export_output_json.cpp}); a plain file has none. */
    private static final Map<String, MediaKind> KINDS = Map.of(
            "sticker", MediaKind.STICKER,
            "video_message", MediaKind.VIDEO_NOTE,
            "voice_message", MediaKind.VOICE,
            "animation", MediaKind.ANIMATION,
            "video_file", MediaKind.VIDEO,
            "audio_file", MediaKind.AUDIO);

    /** Result of looking at one message's media. */
    record Media(List<MediaItem> items, int stored, int placeholders) {
    }

    private final MediaStore store;
    private final long maxBytes;

    ExportMedia(MediaStore store, long maxBytes) {
        this.store = store;
        this.maxBytes = maxBytes;
    }

    Media of(JsonNode message, Path mediaDir, String mediaIdPrefix, Consumer<String> problem) {
        List<MediaItem> items = new ArrayList<>();
        int[] counts = new int[2];
        if (message.has("photo")) {
            items.add(item(message.get("photo"), MediaKind.PHOTO, "image/jpeg", size(message, "photo_file_size"),
                    message, null, mediaDir, mediaIdPrefix + items.size(), problem, counts));
        }
        if (message.has("file")) {
            String mediaType = message.path("media_type").asText("");
            MediaKind kind = KINDS.getOrDefault(mediaType, MediaKind.DOCUMENT);
            String mime = message.hasNonNull("mime_type") ? message.get("mime_type").asText() : null;
            int main = items.size();
            items.add(item(message.get("file"), kind, mime, size(message, "file_size"), message, null, mediaDir,
                    mediaIdPrefix + main, problem, counts));
            if (message.has("thumbnail")) {
                items.add(item(message.get("thumbnail"), MediaKind.PHOTO, "image/jpeg", size(message, "thumbnail_file_size"),
                        null, main, mediaDir, mediaIdPrefix + items.size(), problem, counts));
            }
        }
        return new Media(items, counts[0], counts[1]);
    }

    private MediaItem item(JsonNode pathNode, MediaKind kind, String mime, Long declaredSize, JsonNode dimensions,
                           Integer thumbnailOf, Path mediaDir, String placeholderId, Consumer<String> problem, int[] counts) {
        MediaItem.Builder item = MediaItem.newBuilder().setKind(kind).setMime(mime).setSizeBytes(declaredSize)
                .setThumbnailOf(thumbnailOf).setMediaId(placeholderId);
        if (dimensions != null) {
            if (dimensions.path("width").canConvertToInt() && dimensions.has("width")) {
                item.setWidth(dimensions.get("width").asInt());
            }
            if (dimensions.path("height").canConvertToInt() && dimensions.has("height")) {
                item.setHeight(dimensions.get("height").asInt());
            }
        }
        String written = pathNode == null || pathNode.isNull() ? "" : pathNode.asText("");
        String placeholder = Placeholders.reason(written);
        if (placeholder != null) {
            counts[1]++;
            return item.setUnavailable(placeholder).build();
        }
        Path file = mediaDir.resolve(written).normalize();
        if (!file.startsWith(mediaDir)) {
            problem.accept("media_path_outside_export");
            counts[1]++;
            return item.setUnavailable("missing_file").build();
        }
        if (!Files.isRegularFile(file)) {
            problem.accept("missing_file");
            counts[1]++;
            return item.setUnavailable("missing_file").build();
        }
        try (InputStream in = Files.newInputStream(file)) {
            MediaStore.Stored stored = store.store(in, extension(file), maxBytes);
            counts[0]++;
            return item.setMediaId("sha256:" + stored.sha256()).setBlobUri(stored.blobUri()).setSizeBytes(stored.size()).build();
        } catch (MediaStore.TooLargeException e) {
            counts[1]++;
            return item.setUnavailable("too_large").build();
        } catch (IOException e) {
            problem.accept("media_unreadable");
            counts[1]++;
            return item.setUnavailable("missing_file").build();
        }
    }

    private static Long size(JsonNode message, String field) {
        JsonNode size = message.get(field);
        return size != null && size.canConvertToLong() ? size.asLong() : null;
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** The strings tdesktop writes instead of a path ({@code export_output_json.cpp}, {@code FormatFilePath}). */
    static final class Placeholders {
        private Placeholders() {
        }

        /** The reason code for a placeholder, or null when the value is a path. */
        static String reason(String written) {
            if (written.isEmpty()) {
                return "not_included";
            }
            if (!(written.startsWith("(") && written.endsWith(")"))) {
                return null;
            }
            String lower = written.toLowerCase(Locale.ROOT);
            if (lower.contains("not included")) {
                return "not_included";
            }
            if (lower.contains("exceeds maximum size")) {
                return "exceeds_export_limit";
            }
            return "unavailable_at_export";
        }
    }
}
