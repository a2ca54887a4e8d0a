package io.vigil.ingest.telegram.bot;

import io.vigil.schemas.GroupEvent;
import io.vigil.schemas.MessageEvent;

import java.util.List;

/**
 * What one Bot API update becomes: at most one message event (with the files still to fetch), group events, and the
 * chat it concerns (for metadata). An update of a kind Vigil does not record keeps only its id and kind, so that its
 * offset still moves on.
 *
 * @param kind        the update's field name (message, edited_message, my_chat_member, ...)
 * @param outcome     recorded, or why not (ignored_kind, private_chat, service_not_recorded, no_chat)
 * @param migratedTo  set when the chat became a supergroup with this id (migrate_to_chat_id)
 */
public record BotUpdate(long updateId, String kind, String outcome, MessageEvent message, List<Download> downloads,
                        List<GroupEvent> groupEvents, BotChat chat, String migratedTo, GroupPhotoDownload groupPhoto) {

    public static final String RECORDED = "recorded";

    /** A file of the message to fetch through getFile: the media item it fills. */
    public record Download(int mediaIndex, String fileId, Long fileSize) {
    }

    /** A chat's new photo to fetch and fingerprint: the group event it belongs to. */
    public record GroupPhotoDownload(int groupEventIndex, String fileId, Long fileSize) {
    }

    static BotUpdate notRecorded(long updateId, String kind, String outcome, BotChat chat) {
        return new BotUpdate(updateId, kind, outcome, null, List.of(), List.of(), chat, null, null);
    }

    public boolean recorded() {
        return RECORDED.equals(outcome);
    }
}
