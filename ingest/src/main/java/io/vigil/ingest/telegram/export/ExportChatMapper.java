package io.vigil.ingest.telegram.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.ingest.replay.ReplayEvent;
import io.vigil.ingest.telegram.TelegramIds;
import io.vigil.ingest.telegram.links.TelegramLinks;
import io.vigil.ingest.telegram.text.ExportText;
import io.vigil.ingest.telegram.text.FlatText;
import io.vigil.schemas.ChatKind;
import io.vigil.schemas.ForwardOrigin;
import io.vigil.schemas.GroupEvent;
import io.vigil.schemas.GroupEventKind;
import io.vigil.schemas.MediaKind;
import io.vigil.schemas.MessageEvent;
import io.vigil.schemas.Visibility;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns one chat of an export, message by message in file order, into replay events: ordinary messages into
 * MessageEvents, service messages into GroupEvents, in the Bot API's ids. Keeps what a message needs from the ones
 * before it: the album it continues (exports do not mark albums) and the Telegram links of messages a later
 * {@code pin_message} pins. A supergroup's export that starts with the history of the basic group it was migrated
 * from (ids shifted by -1,000,000,000) gives that history back its own chat and message ids.
 */
public final class ExportChatMapper {

    public static final String PLATFORM = "telegram";
    public static final String SOURCE = "telegram-export";
    /** Telegram's album limit: at most ten media in one media group. */
    private static final int MAX_ALBUM = 10;
    private static final Set<MediaKind> ALBUM_KINDS = Set.of(MediaKind.PHOTO, MediaKind.VIDEO);

    /** Where the mapper's events and problems go. */
    public interface Output {
        void event(ReplayEvent event);

        void problem(ExportProblem problem);
    }

    private final ExportChat chat;
    private final String chatId;
    private final ExportMapping mapping;
    private final Output out;
    private final ChatProfile profile;
    private final Map<String, List<String>> linksByMessage = new HashMap<>();
    private ChatProfile migratedProfile;
    private MessageEvent pending;
    private String pendingForward;
    private String albumId;
    private int albumSize;

    ExportChatMapper(ExportChat chat, String chatId, ExportMapping mapping, Output out) {
        this.chat = chat;
        this.chatId = chatId;
        this.mapping = mapping;
        this.out = out;
        this.profile = mapping.profiles().computeIfAbsent(chatId,
                id -> new ChatProfile(id, chat.type().kind(), chat.type().visibility(), chat.name()));
        profile.titleIfUnknown(chat.name());
    }

    public void message(ObjectNode message, long line) {
        JsonNode idNode = message.get("id");
        if (idNode == null || !idNode.canConvertToLong()) {
            problem(null, line, "missing_id", "a message without an id");
            return;
        }
        long exportId = idNode.asLong();
        String type = message.path("type").asText("message");
        switch (type) {
            case "message" -> ordinary(message, exportId, line);
            case "service" -> service(message, exportId, line);
            case "unsupported" -> {
                mapping.tally().add("skipped.unsupported_message");
                problem(exportId, line, "unsupported_message", "Telegram Desktop could not export this message");
            }
            default -> {
                mapping.tally().add("skipped.unknown_type");
                problem(exportId, line, "unknown_type", "message type is not message or service");
            }
        }
    }

    public void end() {
        flushPending();
    }

    /** Where and when a message was: its chat (the migrated basic group's, for shifted ids), its own id, its time. */
    private record Coordinates(String chatId, String messageId, Instant at) {
    }

    private Optional<Coordinates> coordinates(JsonNode message, long exportId, long line) {
        Optional<ExportDates.Read> sent = date(message, exportId, line);
        if (sent.isEmpty()) {
            return Optional.empty();
        }
        String messageChat = TelegramIds.isMigratedHistoryId(exportId) ? migratedChatId() : chatId;
        countDate(sent.get());
        return Optional.of(new Coordinates(messageChat, Long.toString(TelegramIds.originalMessageId(exportId)), sent.get().instant()));
    }

    private void ordinary(ObjectNode message, long exportId, long line) {
        Optional<Coordinates> where = coordinates(message, exportId, line);
        if (where.isEmpty()) {
            return;
        }
        String messageChat = where.get().chatId();
        String messageId = where.get().messageId();
        Instant sentAt = where.get().at();

        FlatText text = ExportText.flatten(message.get("text"), message.get("text_entities")).append(ExportAttachments.text(message));
        ExportMedia.Media media = mapping.media().of(message, chat.mediaDir(), "export:" + messageChat + ":" + messageId + ":",
                code -> problem(exportId, line, code, null));
        media.items().forEach(item -> mapping.tally().add(item.getUnavailable() == null ? "media.stored" : "media.unavailable." + item.getUnavailable()));

        MessageEvent.Builder event = MessageEvent.newBuilder()
                .setPlatform(PLATFORM).setSource(SOURCE)
                .setChatId(messageChat).setMessageId(messageId)
                .setSenderId(sender(message, messageChat, exportId))
                .setSentAt(sentAt)
                .setText(text.isEmpty() ? null : text.text())
                .setEntities(text.entities())
                .setMedia(media.items());
        mapping.dates().edited(message).ifPresent(edited -> event.setEditedAt(edited.instant()));
        JsonNode reply = message.get("reply_to_message_id");
        if (reply != null && reply.canConvertToLong()) {
            event.setReplyToMessageId(Long.toString(TelegramIds.originalMessageId(reply.asLong())));
        }
        if (message.hasNonNull("via_bot")) {
            event.setViaBotId(message.get("via_bot").asText());
        }
        String forwardName = null;
        if (message.has("forwarded_from") || message.has("saved_from")) {
            // Exports name the origin only; the chat id is filled in when a replayed chat has that title.
            event.setForwardedFrom(ForwardOrigin.newBuilder().build());
            JsonNode name = message.has("forwarded_from") ? message.get("forwarded_from") : message.get("saved_from");
            forwardName = name == null || name.isNull() ? null : name.asText();
        }
        MessageEvent built = event.build();
        List<String> links = TelegramLinks.find(built.getText(), built.getEntities());
        if (!links.isEmpty()) {
            linksByMessage.put(messageChat + ":" + messageId, links);
        }
        profileOf(messageChat).countMessage(sentAt.toEpochMilli(), media.items().size(), media.placeholders());
        mapping.tally().add("messages");
        album(built, forwardName);
    }

    private String sender(JsonNode message, String messageChat, long exportId) {
        Optional<String> sender = TelegramIds.senderId(message.path("from_id").asText(null));
        if (sender.isPresent()) {
            return sender.get();
        }
        if (chat.type().isBroadcastChannel()) {
            return messageChat; // a channel post is the channel's
        }
        mapping.tally().add("sender_unknown");
        return UNKNOWN_SENDER;
    }

    /** The sender of a message whose export names none: kept rather than dropped, and counted in the summary. */
    public static final String UNKNOWN_SENDER = "unknown";

    private void album(MessageEvent event, String forwardName) {
        if (pending != null && continuesAlbum(pending, event)) {
            if (albumId == null) {
                albumId = "export:" + pending.getChatId() + ":" + pending.getMessageId();
                pending.setMediaGroupId(albumId);
                albumSize = 1;
            }
            event.setMediaGroupId(albumId);
            albumSize++;
            emitPending();
            pending = event;
            pendingForward = forwardName;
            return;
        }
        flushPending();
        pending = event;
        pendingForward = forwardName;
    }

    private boolean continuesAlbum(MessageEvent previous, MessageEvent next) {
        return albumSize < MAX_ALBUM
                && previous.getChatId().equals(next.getChatId())
                && previous.getSenderId().equals(next.getSenderId())
                && previous.getSentAt().getEpochSecond() == next.getSentAt().getEpochSecond()
                && isAlbumMedia(previous) && isAlbumMedia(next);
    }

    private static boolean isAlbumMedia(MessageEvent event) {
        return !event.getMedia().isEmpty() && ALBUM_KINDS.contains(event.getMedia().get(0).getKind());
    }

    private void flushPending() {
        emitPending();
        albumId = null;
        albumSize = 0;
    }

    private void emitPending() {
        if (pending != null) {
            out.event(ReplayEvent.of(pending, pendingForward));
            pending = null;
            pendingForward = null;
        }
    }

    private void service(ObjectNode message, long exportId, long line) {
        Optional<Coordinates> where = coordinates(message, exportId, line);
        if (where.isEmpty()) {
            return;
        }
        String eventChat = where.get().chatId();
        String messageId = where.get().messageId();
        Instant at = where.get().at();
        profileOf(eventChat).countService(at.toEpochMilli());
        String action = message.path("action").asText("");
        Optional<GroupEventKind> kind = ServiceActions.kindOf(message);
        if (kind.isEmpty()) {
            mapping.tally().add("service_not_recorded." + (action.isEmpty() ? "none" : action));
            return;
        }
        String actorId = TelegramIds.senderId(message.path("actor_id").asText(null)).orElse(null);
        GroupEvent.Builder event = GroupEvent.newBuilder()
                .setPlatform(PLATFORM).setSource(SOURCE)
                .setChatId(eventChat).setEventId(eventChat + ":" + messageId).setKind(kind.get())
                .setOccurredAt(at).setMessageId(messageId).setActorId(actorId);
        JsonNode members = message.get("members");
        switch (kind.get()) {
            case CREATED -> {
                event.setTitle(text(message, "title")).setMemberCount(members == null ? 0 : members.size());
                profileOf(eventChat).created(at, actorId);
            }
            case TITLE_CHANGED -> event.setTitle(text(message, "title"));
            case MEMBERS_ADDED, MEMBERS_REMOVED -> event.setMemberCount(members == null ? 0 : members.size());
            case MEMBER_LEFT, JOINED_BY_LINK, JOINED_BY_REQUEST -> {
                event.setMemberCount(1);
                if (actorId != null) {
                    event.setMemberIds(List.of(actorId));
                }
            }
            case MESSAGE_PINNED -> {
                JsonNode pinned = message.get("message_id");
                if (pinned != null && pinned.canConvertToLong()) {
                    String pinnedId = Long.toString(TelegramIds.originalMessageId(pinned.asLong()));
                    event.setPinnedMessageId(pinnedId).setLinks(linksByMessage.getOrDefault(eventChat + ":" + pinnedId, List.of()));
                }
            }
            case MIGRATED_TO -> {
                // In the migrated history: this group continues as the supergroup whose export it is in.
                event.setRelatedChatId(chatId);
                profileOf(eventChat).migratedTo(chatId);
            }
            case MIGRATED_FROM -> {
                String oldTitle = text(message, "title");
                String basicGroup = migratedChatId();
                event.setTitle(oldTitle).setRelatedChatId(basicGroup);
                profileOf(basicGroup).titleIfUnknown(oldTitle);
            }
            case PHOTO_CHANGED -> event.setPhoto(mapping.groupPhoto(message, chat.mediaDir(), code -> problem(exportId, line, code, null)));
            default -> {
            }
        }
        if (ServiceActions.takenByAdmin(kind.get())) {
            profileOf(eventChat).adminActed(actorId);
        }
        mapping.tally().add("group_events." + kind.get().name().toLowerCase(java.util.Locale.ROOT));
        flushPending();
        out.event(ReplayEvent.of(event.build()));
    }

    private Optional<ExportDates.Read> date(JsonNode message, long exportId, long line) {
        Optional<ExportDates.Read> sent = mapping.dates().sent(message);
        if (sent.isEmpty()) {
            mapping.tally().add("skipped.bad_date");
            problem(exportId, line, "bad_date", "neither date_unixtime nor a readable date");
        }
        return sent;
    }

    private void countDate(ExportDates.Read read) {
        switch (read.source()) {
            case LOCAL_TIME -> mapping.tally().add("dates.from_local_time");
            case LOCAL_TIME_AMBIGUOUS -> mapping.tally().add("dates.from_local_time_ambiguous");
            case LOCAL_TIME_IN_GAP -> mapping.tally().add("dates.from_local_time_in_gap");
            default -> {
            }
        }
    }

    /** The chat id of the basic group this supergroup was migrated from. */
    private String migratedChatId() {
        if (migratedProfile == null) {
            Optional<String> known = mapping.basicGroupOf(chatId);
            String id = known.orElse(MIGRATED_FROM_PREFIX + chatId);
            migratedProfile = mapping.profiles().computeIfAbsent(id, i -> new ChatProfile(i, ChatKind.GROUP, Visibility.PRIVATE, null));
            migratedProfile.migratedTo(chatId);
            if (known.isEmpty()) {
                migratedProfile.synthetic();
            }
        }
        return migratedProfile.chatId();
    }

    /**
     * The chat id given to a migrated basic group's history when no groups file names that group: exports do not carry
     * its id. Plainly not a Telegram id, and stable for the same supergroup.
     */
    public static final String MIGRATED_FROM_PREFIX = "migrated-from:";

    private ChatProfile profileOf(String id) {
        return id.equals(chatId) ? profile : mapping.profiles().get(id);
    }

    private static String text(JsonNode message, String field) {
        JsonNode value = message.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private void problem(Long messageId, long line, String code, String detail) {
        out.problem(new ExportProblem(chat.file(), chatId, messageId, line, code, detail));
    }
}
