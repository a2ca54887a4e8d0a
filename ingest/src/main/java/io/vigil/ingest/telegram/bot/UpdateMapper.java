package io.vigil.ingest.telegram.bot;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.ingest.telegram.links.TelegramLinks;
import io.vigil.ingest.telegram.text.AttachedText;
import io.vigil.ingest.telegram.text.EntityTypes;
import io.vigil.schemas.ForwardOrigin;
import io.vigil.schemas.GroupEvent;
import io.vigil.schemas.GroupEventKind;
import io.vigil.schemas.MediaItem;
import io.vigil.schemas.MediaKind;
import io.vigil.schemas.MessageEvent;
import io.vigil.schemas.TextEntity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Maps Bot API updates (as tdlib/telegram-bot-api's {@code Client.cpp} writes them) to Vigil's events: messages and
 * channel posts, and their edits, to MessageEvents; service messages (members joining and leaving, title and photo
 * changes, pins, creation, migration) and chat-member updates to GroupEvents. Ids are the Bot API's own, which are
 * Vigil's. Files are not fetched here: each media item names the file to fetch, and the adapter fills its blob.
 */
public final class UpdateMapper {

    public static final String PLATFORM = "telegram";
    public static final String SOURCE = "telegram-bot";

    private static final List<String> MESSAGE_KINDS = List.of("message", "edited_message", "channel_post", "edited_channel_post");
    private static final Set<String> MEMBER_STATUSES = Set.of("creator", "administrator", "member");

    private final long maxDownloadBytes;
    private final boolean includePrivateChats;

    /**
     * @param maxDownloadBytes    files larger than this are not fetched (the hosted Bot API serves at most 20 MB)
     * @param includePrivateChats record one-to-one chats with the bot too
     */
    public UpdateMapper(long maxDownloadBytes, boolean includePrivateChats) {
        this.maxDownloadBytes = maxDownloadBytes;
        this.includePrivateChats = includePrivateChats;
    }

    public BotUpdate map(JsonNode update) {
        long updateId = update.path("update_id").asLong();
        for (String kind : MESSAGE_KINDS) {
            if (update.has(kind)) {
                return message(updateId, kind, update.get(kind));
            }
        }
        if (update.has("my_chat_member")) {
            return botMembership(updateId, update.get("my_chat_member"));
        }
        if (update.has("chat_member")) {
            return chatMember(updateId, update.get("chat_member"));
        }
        String kind = "unknown";
        var names = update.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!name.equals("update_id")) {
                kind = name;
                break;
            }
        }
        return BotUpdate.notRecorded(updateId, kind, "ignored_kind", null);
    }

    private BotUpdate message(long updateId, String kind, JsonNode message) {
        if (!message.has("chat")) {
            return BotUpdate.notRecorded(updateId, kind, "no_chat", null);
        }
        BotChat chat = BotChat.of(message.get("chat"));
        if (!chat.isGroupOrChannel() && !includePrivateChats) {
            return BotUpdate.notRecorded(updateId, kind, "private_chat", chat);
        }
        if (ServiceMessage.isService(message)) {
            return service(updateId, kind, message, chat);
        }
        String messageId = message.path("message_id").asText();
        List<MediaItem> media = new ArrayList<>();
        List<BotUpdate.Download> downloads = new ArrayList<>();
        media(message, media, downloads);
        String text = message.hasNonNull("text") ? message.get("text").asText() : message.hasNonNull("caption") ? message.get("caption").asText() : null;
        JsonNode entities = message.has("entities") ? message.get("entities") : message.get("caption_entities");
        String attached = attachedText(message);
        if (attached != null) {
            text = text == null || text.isEmpty() ? attached : text + "\n\n" + attached;
        }
        MessageEvent.Builder event = MessageEvent.newBuilder()
                .setPlatform(PLATFORM).setSource(SOURCE)
                .setChatId(chat.id()).setMessageId(messageId)
                .setSenderId(sender(message, chat))
                .setSentAt(Instant.ofEpochSecond(message.path("date").asLong()))
                .setText(text)
                .setEntities(entities(entities))
                .setMedia(media)
                .setForwardedFrom(forward(message))
                .setMediaGroupId(message.hasNonNull("media_group_id") ? message.get("media_group_id").asText() : null);
        if (kind.startsWith("edited_") && message.has("edit_date")) {
            event.setEditedAt(Instant.ofEpochSecond(message.get("edit_date").asLong()));
        }
        if (message.has("reply_to_message")) {
            event.setReplyToMessageId(message.get("reply_to_message").path("message_id").asText(null));
        }
        if (message.has("via_bot")) {
            event.setViaBotId(message.get("via_bot").path("id").asText(null));
        }
        return new BotUpdate(updateId, kind, BotUpdate.RECORDED, event.build(), downloads, List.of(), chat, null, null);
    }

    /** Who sent it: the chat it was sent on behalf of (anonymous admin, channel, linked channel), else the user. */
    private static String sender(JsonNode message, BotChat chat) {
        if (message.has("sender_chat")) {
            return message.get("sender_chat").path("id").asText();
        }
        if (message.has("from")) {
            return message.get("from").path("id").asText();
        }
        return chat.id();
    }

    private static List<TextEntity> entities(JsonNode entities) {
        List<TextEntity> out = new ArrayList<>();
        if (entities == null || !entities.isArray()) {
            return out;
        }
        for (JsonNode entity : entities) {
            String url = entity.hasNonNull("url") ? entity.get("url").asText()
                    : entity.has("user") ? EntityTypes.userLink(entity.get("user").path("id").asLong()) : null;
            out.add(TextEntity.newBuilder().setType(entity.path("type").asText("unknown"))
                    .setOffset(entity.path("offset").asInt()).setLength(entity.path("length").asInt()).setUrl(url).build());
        }
        return out;
    }

    private static ForwardOrigin forward(JsonNode message) {
        JsonNode origin = message.get("forward_origin");
        if (origin != null) {
            ForwardOrigin.Builder forward = ForwardOrigin.newBuilder();
            switch (origin.path("type").asText("")) {
                case "user" -> forward.setSenderId(origin.path("sender_user").path("id").asText(null));
                case "hidden_user" -> forward.setHidden(true);
                case "chat" -> forward.setChatId(origin.path("sender_chat").path("id").asText(null));
                case "channel" -> forward.setChatId(origin.path("chat").path("id").asText(null))
                        .setMessageId(origin.hasNonNull("message_id") ? origin.get("message_id").asText() : null);
                default -> {
                }
            }
            return forward.build();
        }
        // The legacy fields the server still writes beside forward_origin, for older recordings.
        if (message.has("forward_from") || message.has("forward_from_chat") || message.has("forward_sender_name") || message.has("forward_date")) {
            return ForwardOrigin.newBuilder()
                    .setSenderId(message.has("forward_from") ? message.get("forward_from").path("id").asText(null) : null)
                    .setChatId(message.has("forward_from_chat") ? message.get("forward_from_chat").path("id").asText(null) : null)
                    .setMessageId(message.hasNonNull("forward_from_message_id") ? message.get("forward_from_message_id").asText() : null)
                    .setHidden(message.has("forward_sender_name"))
                    .build();
        }
        return null;
    }

    /**
     * The message's media: the largest photo size within the download limit, a document, sticker, video or the like,
     * and a video's or document's thumbnail as an image of its own. Images are fetched; sound and video are named
     * only (their thumbnails are fetched), and their items say why they have no bytes.
     */
    private void media(JsonNode message, List<MediaItem> media, List<BotUpdate.Download> downloads) {
        if (message.has("photo")) {
            JsonNode chosen = largestWithin(message.get("photo"));
            JsonNode largest = largest(message.get("photo"));
            if (chosen == null && largest != null) {
                media.add(item(largest, MediaKind.PHOTO, "image/jpeg").setUnavailable("too_large").build());
            } else if (chosen != null) {
                downloads.add(new BotUpdate.Download(media.size(), chosen.path("file_id").asText(), size(chosen)));
                media.add(item(chosen, MediaKind.PHOTO, "image/jpeg").build());
            }
        }
        if (message.has("sticker")) {
            JsonNode sticker = message.get("sticker");
            boolean still = !sticker.path("is_animated").asBoolean(false) && !sticker.path("is_video").asBoolean(false);
            String mime = sticker.path("is_animated").asBoolean(false) ? "application/x-tgsticker"
                    : sticker.path("is_video").asBoolean(false) ? "video/webm" : "image/webp";
            fileItem(sticker, MediaKind.STICKER, mime, still, media, downloads);
        } else if (message.has("animation")) {
            fileItem(message.get("animation"), MediaKind.ANIMATION, null, false, media, downloads);
        } else if (message.has("video")) {
            fileItem(message.get("video"), MediaKind.VIDEO, null, false, media, downloads);
        } else if (message.has("video_note")) {
            fileItem(message.get("video_note"), MediaKind.VIDEO_NOTE, "video/mp4", false, media, downloads);
        } else if (message.has("voice")) {
            fileItem(message.get("voice"), MediaKind.VOICE, null, false, media, downloads);
        } else if (message.has("audio")) {
            fileItem(message.get("audio"), MediaKind.AUDIO, null, false, media, downloads);
        } else if (message.has("document")) {
            JsonNode document = message.get("document");
            boolean image = document.path("mime_type").asText("").startsWith("image/");
            fileItem(document, MediaKind.DOCUMENT, null, image, media, downloads);
        }
    }

    private void fileItem(JsonNode file, MediaKind kind, String mime, boolean fetch, List<MediaItem> media, List<BotUpdate.Download> downloads) {
        int index = media.size();
        MediaItem.Builder item = item(file, kind, mime != null ? mime : file.hasNonNull("mime_type") ? file.get("mime_type").asText() : null);
        Long size = size(file);
        if (!fetch) {
            item.setUnavailable("not_downloaded");
        } else if (size != null && size > maxDownloadBytes) {
            item.setUnavailable("too_large");
        } else {
            downloads.add(new BotUpdate.Download(index, file.path("file_id").asText(), size));
        }
        media.add(item.build());
        JsonNode thumbnail = file.has("thumbnail") ? file.get("thumbnail") : file.get("thumb");
        if (thumbnail != null && thumbnail.has("file_id")) {
            int thumbIndex = media.size();
            MediaItem.Builder thumb = item(thumbnail, MediaKind.PHOTO, "image/jpeg").setThumbnailOf(index);
            Long thumbSize = size(thumbnail);
            if (thumbSize != null && thumbSize > maxDownloadBytes) {
                thumb.setUnavailable("too_large");
            } else {
                downloads.add(new BotUpdate.Download(thumbIndex, thumbnail.path("file_id").asText(), thumbSize));
            }
            media.add(thumb.build());
        }
    }

    private static MediaItem.Builder item(JsonNode file, MediaKind kind, String mime) {
        MediaItem.Builder item = MediaItem.newBuilder().setKind(kind).setMime(mime)
                .setMediaId(file.path("file_unique_id").asText(file.path("file_id").asText("unknown")))
                .setSizeBytes(size(file));
        if (file.has("width")) {
            item.setWidth(file.get("width").asInt());
        }
        if (file.has("height")) {
            item.setHeight(file.get("height").asInt());
        }
        if (file.has("length")) { // a video note is square
            item.setWidth(file.get("length").asInt()).setHeight(file.get("length").asInt());
        }
        return item;
    }

    private static Long size(JsonNode file) {
        return file.has("file_size") && file.get("file_size").canConvertToLong() ? file.get("file_size").asLong() : null;
    }

    /** Photo sizes come smallest to largest; the largest one the limit allows (a size not given is allowed). */
    private JsonNode largestWithin(JsonNode sizes) {
        JsonNode best = null;
        for (JsonNode size : sizes) {
            Long bytes = size(size);
            if ((bytes == null || bytes <= maxDownloadBytes) && (best == null || pixels(size) >= pixels(best))) {
                best = size;
            }
        }
        return best;
    }

    private static JsonNode largest(JsonNode sizes) {
        JsonNode best = null;
        for (JsonNode size : sizes) {
            if (best == null || pixels(size) >= pixels(best)) {
                best = size;
            }
        }
        return best;
    }

    private static long pixels(JsonNode size) {
        return size.path("width").asLong() * size.path("height").asLong();
    }

    /** A shared contact, venue or poll carries text a doxxer uses; the detector reads it as the message's text. */
    private static String attachedText(JsonNode message) {
        AttachedText attached = new AttachedText();
        if (message.has("contact")) {
            JsonNode c = message.get("contact");
            attached.contact(c.path("first_name").asText(""), c.path("last_name").asText(""), c.path("phone_number").asText(""));
        }
        if (message.has("venue")) {
            attached.venue(message.get("venue").path("title").asText(""), message.get("venue").path("address").asText(""));
        }
        if (message.has("poll")) {
            List<String> options = new ArrayList<>();
            message.get("poll").path("options").forEach(o -> options.add(o.path("text").asText("")));
            attached.poll(message.get("poll").path("question").asText(""), options);
        }
        return attached.text();
    }

    private BotUpdate service(long updateId, String kind, JsonNode message, BotChat chat) {
        String messageId = message.path("message_id").asText();
        String actor = message.has("sender_chat") ? message.get("sender_chat").path("id").asText()
                : message.has("from") ? message.get("from").path("id").asText() : null;
        GroupEvent.Builder event = GroupEvent.newBuilder().setPlatform(PLATFORM).setSource(SOURCE)
                .setChatId(chat.id()).setEventId(chat.id() + ":" + messageId).setMessageId(messageId)
                .setOccurredAt(Instant.ofEpochSecond(message.path("date").asLong())).setActorId(actor);
        String migratedTo = null;
        BotUpdate.GroupPhotoDownload photo = null;
        if (message.has("new_chat_members")) {
            List<String> ids = new ArrayList<>();
            message.get("new_chat_members").forEach(m -> ids.add(m.path("id").asText()));
            boolean self = ids.size() == 1 && ids.get(0).equals(actor);
            event.setKind(self ? GroupEventKind.MEMBER_JOINED : GroupEventKind.MEMBERS_ADDED).setMemberIds(ids).setMemberCount(ids.size());
        } else if (message.has("left_chat_member")) {
            String left = message.get("left_chat_member").path("id").asText();
            event.setKind(left.equals(actor) ? GroupEventKind.MEMBER_LEFT : GroupEventKind.MEMBERS_REMOVED)
                    .setMemberIds(List.of(left)).setMemberCount(1);
        } else if (message.has("new_chat_title")) {
            event.setKind(GroupEventKind.TITLE_CHANGED).setTitle(message.get("new_chat_title").asText());
        } else if (message.has("new_chat_photo")) {
            event.setKind(GroupEventKind.PHOTO_CHANGED);
            JsonNode chosen = largestWithin(message.get("new_chat_photo"));
            if (chosen != null) {
                photo = new BotUpdate.GroupPhotoDownload(0, chosen.path("file_id").asText(), size(chosen));
            }
        } else if (message.has("delete_chat_photo")) {
            event.setKind(GroupEventKind.PHOTO_DELETED);
        } else if (message.has("group_chat_created") || message.has("supergroup_chat_created") || message.has("channel_chat_created")) {
            event.setKind(GroupEventKind.CREATED).setTitle(chat.title());
        } else if (message.has("migrate_to_chat_id")) {
            migratedTo = message.get("migrate_to_chat_id").asText();
            event.setKind(GroupEventKind.MIGRATED_TO).setRelatedChatId(migratedTo);
        } else if (message.has("migrate_from_chat_id")) {
            event.setKind(GroupEventKind.MIGRATED_FROM).setRelatedChatId(message.get("migrate_from_chat_id").asText());
        } else if (message.has("pinned_message")) {
            JsonNode pinned = message.get("pinned_message");
            String pinnedText = pinned.hasNonNull("text") ? pinned.get("text").asText() : pinned.path("caption").asText(null);
            JsonNode pinnedEntities = pinned.has("entities") ? pinned.get("entities") : pinned.get("caption_entities");
            event.setKind(GroupEventKind.MESSAGE_PINNED).setPinnedMessageId(pinned.path("message_id").asText(null))
                    .setLinks(TelegramLinks.find(pinnedText, entities(pinnedEntities)));
        } else {
            return BotUpdate.notRecorded(updateId, kind, "service_not_recorded", chat);
        }
        return new BotUpdate(updateId, kind, BotUpdate.RECORDED, null, List.of(), List.of(event.build()), chat, migratedTo, photo);
    }

    private static BotUpdate botMembership(long updateId, JsonNode change) {
        BotChat chat = BotChat.of(change.path("chat"));
        GroupEvent event = memberEvent(updateId, change, chat).setKind(GroupEventKind.BOT_MEMBERSHIP_CHANGED).build();
        return new BotUpdate(updateId, "my_chat_member", BotUpdate.RECORDED, null, List.of(), List.of(event), chat, null, null);
    }

    /** A member's status changed (the bot must be an admin and ask for chat_member updates to see these). */
    private BotUpdate chatMember(long updateId, JsonNode change) {
        BotChat chat = BotChat.of(change.path("chat"));
        if (!chat.isGroupOrChannel() && !includePrivateChats) {
            return BotUpdate.notRecorded(updateId, "chat_member", "private_chat", chat);
        }
        boolean was = isMember(change.path("old_chat_member"));
        boolean is = isMember(change.path("new_chat_member"));
        String user = change.path("new_chat_member").path("user").path("id").asText();
        String actor = change.path("from").path("id").asText();
        GroupEvent.Builder event = memberEvent(updateId, change, chat);
        if (!was && is) {
            String link = change.path("invite_link").path("invite_link").asText("");
            if (!link.isEmpty()) {
                event.setKind(GroupEventKind.JOINED_BY_LINK);
                // The API hides the end of a link another admin created ("…"): that is no link to keep.
                String normal = link.contains("…") ? null : TelegramLinks.normalise(link);
                if (normal != null) {
                    event.setLinks(List.of(normal));
                }
            } else if (change.path("via_join_request").asBoolean(false)) {
                event.setKind(GroupEventKind.JOINED_BY_REQUEST);
            } else {
                event.setKind(user.equals(actor) ? GroupEventKind.MEMBER_JOINED : GroupEventKind.MEMBERS_ADDED);
            }
        } else if (was && !is) {
            event.setKind(user.equals(actor) ? GroupEventKind.MEMBER_LEFT : GroupEventKind.MEMBERS_REMOVED);
        } else {
            return BotUpdate.notRecorded(updateId, "chat_member", "status_change_not_recorded", chat);
        }
        return new BotUpdate(updateId, "chat_member", BotUpdate.RECORDED, null, List.of(), List.of(event.build()), chat, null, null);
    }

    private static GroupEvent.Builder memberEvent(long updateId, JsonNode change, BotChat chat) {
        String user = change.path("new_chat_member").path("user").path("id").asText();
        return GroupEvent.newBuilder().setPlatform(PLATFORM).setSource(SOURCE)
                .setChatId(chat.id()).setEventId("bot:" + updateId)
                .setOccurredAt(Instant.ofEpochSecond(change.path("date").asLong()))
                .setActorId(change.path("from").path("id").asText(null))
                .setMemberIds(List.of(user)).setMemberCount(1);
    }

    private static boolean isMember(JsonNode member) {
        String status = member.path("status").asText("");
        return MEMBER_STATUSES.contains(status) || (status.equals("restricted") && member.path("is_member").asBoolean(false));
    }

    /** The Bot API's service-message fields: a message with one of them is about the chat, not a message in it. */
    static final class ServiceMessage {
        private static final List<String> FIELDS = List.of("new_chat_members", "left_chat_member", "new_chat_title", "new_chat_photo",
                "delete_chat_photo", "group_chat_created", "supergroup_chat_created", "channel_chat_created", "migrate_to_chat_id",
                "migrate_from_chat_id", "pinned_message", "message_auto_delete_timer_changed", "video_chat_started",
                "video_chat_ended", "video_chat_scheduled", "video_chat_participants_invited", "forum_topic_created",
                "forum_topic_edited", "forum_topic_closed", "forum_topic_reopened", "general_forum_topic_hidden",
                "general_forum_topic_unhidden", "boost_added", "chat_background_set", "users_shared", "chat_shared",
                "write_access_allowed", "proximity_alert_triggered", "giveaway_created", "giveaway_completed");

        private ServiceMessage() {
        }

        static boolean isService(JsonNode message) {
            for (String field : FIELDS) {
                if (message.has(field)) {
                    return true;
                }
            }
            return false;
        }
    }
}
