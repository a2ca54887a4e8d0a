package io.vigil.ingest.telegram.bot;

import io.vigil.schemas.GroupMetadata;
import io.vigil.schemas.GroupStatus;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Group metadata as the bot sees it: kind, title and public username from the chat, the member count from
 * getChatMemberCount, migration from migrate_to_chat_id. Written when a chat is first seen and whenever that changes;
 * the time of the update alone is no change.
 */
final class BotMetadata {

    private final Map<String, GroupMetadata> written = new HashMap<>();
    private final Map<String, String> migratedTo = new HashMap<>();

    void migrated(String chatId, String supergroupId) {
        migratedTo.put(chatId, supergroupId);
    }

    /** The chat's metadata if it differs from what was last written; null otherwise. */
    GroupMetadata changed(BotChat chat, OptionalLong members, Instant now) {
        GroupMetadata previous = written.get(chat.id());
        String supergroup = migratedTo.get(chat.id());
        GroupMetadata current = GroupMetadata.newBuilder()
                .setPlatform(UpdateMapper.PLATFORM).setChatId(chat.id()).setKind(chat.kind()).setVisibility(chat.visibility())
                .setMemberCount(members.orElse(previous == null ? 0 : previous.getMemberCount()))
                .setTitle(chat.title() != null ? chat.title() : previous == null ? null : previous.getTitle())
                .setUsername(chat.username())
                .setStatus(supergroup == null ? GroupStatus.ACTIVE : GroupStatus.MIGRATED).setMigratedToChatId(supergroup)
                .setUpdatedAt(now).build();
        if (previous != null && GroupMetadata.newBuilder(previous).setUpdatedAt(now).build().equals(current)) {
            return null;
        }
        return current;
    }

    /** Called once the metadata is committed. */
    void written(GroupMetadata metadata) {
        written.put(metadata.getChatId(), metadata);
    }
}
