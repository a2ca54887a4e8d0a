package io.vigil.ingest.telegram.export;

import io.vigil.schemas.ChatKind;
import io.vigil.schemas.GroupStatus;
import io.vigil.schemas.Visibility;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What an export tells about one chat, gathered while it is read: its kind and title, when it was created and by
 * whom, which accounts acted as its admins, whether it was migrated. Exports carry no member count, owner or admin
 * list (those come from the platform, through a groups file); this is what a chat missing from that file gets.
 */
public final class ChatProfile {

    private final String chatId;
    private ChatKind kind;
    private Visibility visibility;
    private String title;
    private Instant createdAt;
    private String ownerId;
    private final Set<String> adminIds = new LinkedHashSet<>();
    private GroupStatus status = GroupStatus.ACTIVE;
    private String migratedToChatId;
    private boolean synthetic;
    private long messages;
    private long serviceMessages;
    private long media;
    private long placeholders;
    private long firstSentAt = Long.MAX_VALUE;

    public ChatProfile(String chatId, ChatKind kind, Visibility visibility, String title) {
        this.chatId = chatId;
        this.kind = kind;
        this.visibility = visibility;
        this.title = title;
    }

    void created(Instant at, String byActor) {
        if (createdAt == null || at.isBefore(createdAt)) {
            createdAt = at;
            if (byActor != null && !byActor.equals(chatId)) {
                ownerId = byActor;
            }
        }
    }

    void adminActed(String actorId) {
        // An anonymous admin acts as the chat itself; that names no account.
        if (actorId != null && !actorId.equals(chatId)) {
            adminIds.add(actorId);
        }
    }

    void migratedTo(String supergroupId) {
        status = GroupStatus.MIGRATED;
        migratedToChatId = supergroupId;
    }

    void titleIfUnknown(String oldTitle) {
        if (title == null || title.isBlank()) {
            title = oldTitle;
        }
    }

    /** The chat id was made up because the export does not give it (a migrated basic group's history). */
    void synthetic() {
        synthetic = true;
    }

    void countMessage(long sentAt, int mediaItems, int placeholderItems) {
        messages++;
        media += mediaItems;
        placeholders += placeholderItems;
        firstSentAt = Math.min(firstSentAt, sentAt);
    }

    void countService(long sentAt) {
        serviceMessages++;
        firstSentAt = Math.min(firstSentAt, sentAt);
    }

    public String chatId() {
        return chatId;
    }

    public ChatKind kind() {
        return kind;
    }

    public Visibility visibility() {
        return visibility;
    }

    public String title() {
        return title;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String ownerId() {
        return ownerId;
    }

    public Set<String> adminIds() {
        return Set.copyOf(adminIds);
    }

    public java.util.List<String> adminIdsInOrder() {
        return java.util.List.copyOf(adminIds);
    }

    public GroupStatus status() {
        return status;
    }

    public String migratedToChatId() {
        return migratedToChatId;
    }

    public boolean isSynthetic() {
        return synthetic;
    }

    public long messages() {
        return messages;
    }

    public long serviceMessages() {
        return serviceMessages;
    }

    public long media() {
        return media;
    }

    public long placeholders() {
        return placeholders;
    }
}
