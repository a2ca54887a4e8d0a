package io.vigil.ingest.telegram.export;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.ingest.blobs.MediaStore;
import io.vigil.ingest.blobs.PhotoFingerprints;
import io.vigil.ingest.replay.Tally;
import io.vigil.schemas.GroupPhoto;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What mapping every chat of a replay shares: where media go and how large they may be, how dates are read, the
 * profiles of the chats seen so far, the basic groups that supergroups were migrated from (as the groups file names
 * them), and the counters of the summary.
 */
public final class ExportMapping {

    private final ExportMedia media;
    private final MediaStore store;
    private final long maxMediaBytes;
    private final PhotoFingerprints photos = new PhotoFingerprints();
    private final ExportDates dates;
    private final Map<String, String> basicGroupBySupergroup;
    private final Map<String, ChatProfile> profiles = new LinkedHashMap<>();
    private final Tally tally;

    /**
     * @param basicGroupBySupergroup supergroup chat id to the chat id of the basic group it was migrated from
     * @param exportZone             the zone of the exporting machine, for exports without {@code date_unixtime}
     */
    public ExportMapping(MediaStore store, long maxMediaBytes, ZoneId exportZone, Map<String, String> basicGroupBySupergroup, Tally tally) {
        this.store = store;
        this.maxMediaBytes = maxMediaBytes;
        this.media = new ExportMedia(store, maxMediaBytes);
        this.dates = new ExportDates(exportZone);
        this.basicGroupBySupergroup = Map.copyOf(basicGroupBySupergroup);
        this.tally = tally;
    }

    ExportMedia media() {
        return media;
    }

    ExportDates dates() {
        return dates;
    }

    public Map<String, ChatProfile> profiles() {
        return profiles;
    }

    public Tally tally() {
        return tally;
    }

    Optional<String> basicGroupOf(String supergroupId) {
        return Optional.ofNullable(basicGroupBySupergroup.get(supergroupId));
    }

    /** The new photo of an {@code edit_group_photo}, stored and fingerprinted; null when the export left it out. */
    GroupPhoto groupPhoto(JsonNode service, Path mediaDir, Consumer<String> problem) {
        String written = service.path("photo").asText("");
        if (ExportMedia.Placeholders.reason(written) != null) {
            tally.add("media.unavailable.group_photo");
            return null;
        }
        Path file = mediaDir.resolve(written).normalize();
        if (!file.startsWith(mediaDir) || !Files.isRegularFile(file)) {
            problem.accept("missing_file");
            return null;
        }
        try {
            if (Files.size(file) > maxMediaBytes) {
                tally.add("media.unavailable.too_large");
                return null;
            }
            byte[] bytes = Files.readAllBytes(file);
            MediaStore.Stored stored = store.store(new java.io.ByteArrayInputStream(bytes), "jpg", maxMediaBytes);
            tally.add("media.stored");
            return photos.of(bytes, stored.blobUri());
        } catch (IOException e) {
            problem.accept("media_unreadable");
            return null;
        }
    }

    /** A mapper for one chat; null for a chat that has no usable id. */
    public ExportChatMapper mapperFor(ExportChat chat, String chatId, ExportChatMapper.Output out) {
        return new ExportChatMapper(chat, chatId, this, out);
    }
}
