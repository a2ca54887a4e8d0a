package io.vigil.ingest.telegram.export;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.schemas.GroupEventKind;

import java.util.Map;
import java.util.Optional;

/**
 * The service actions of an export ({@code action}, tdesktop's {@code export_output_json.cpp}) that tell what happened
 * to a chat, and the group event each becomes. Actions about calls, themes, payments, gifts and the like say nothing
 * about a chat's lineage; they are counted in the summary and not written.
 */
public final class ServiceActions {

    private static final Map<String, GroupEventKind> KINDS = Map.ofEntries(
            Map.entry("create_group", GroupEventKind.CREATED),
            Map.entry("create_channel", GroupEventKind.CREATED),
            Map.entry("edit_group_title", GroupEventKind.TITLE_CHANGED),
            Map.entry("edit_group_photo", GroupEventKind.PHOTO_CHANGED),
            Map.entry("delete_group_photo", GroupEventKind.PHOTO_DELETED),
            Map.entry("invite_members", GroupEventKind.MEMBERS_ADDED),
            Map.entry("remove_members", GroupEventKind.MEMBERS_REMOVED),
            Map.entry("join_group_by_link", GroupEventKind.JOINED_BY_LINK),
            Map.entry("join_group_by_request", GroupEventKind.JOINED_BY_REQUEST),
            Map.entry("pin_message", GroupEventKind.MESSAGE_PINNED),
            Map.entry("migrate_to_supergroup", GroupEventKind.MIGRATED_TO),
            Map.entry("migrate_from_group", GroupEventKind.MIGRATED_FROM));

    /** Actions only a chat's owner or an admin can take: their actor is an admin seen acting. */
    private static final Map<GroupEventKind, Boolean> BY_ADMIN = Map.of(
            GroupEventKind.CREATED, true,
            GroupEventKind.TITLE_CHANGED, true,
            GroupEventKind.PHOTO_CHANGED, true,
            GroupEventKind.PHOTO_DELETED, true,
            GroupEventKind.MESSAGE_PINNED, true,
            GroupEventKind.MEMBERS_REMOVED, true,
            GroupEventKind.MIGRATED_TO, true);

    private ServiceActions() {
    }

    /** The event kind of an action, or empty for an action Vigil does not record. */
    public static Optional<GroupEventKind> kindOf(String action) {
        return Optional.ofNullable(KINDS.get(action));
    }

    /**
     * The kind of a service message, refined by what it carries: tdesktop writes a member leaving as
     * {@code remove_members} with the leaver as actor and as the only member.
     */
    public static Optional<GroupEventKind> kindOf(JsonNode service) {
        Optional<GroupEventKind> kind = kindOf(service.path("action").asText(""));
        if (kind.isPresent() && kind.get() == GroupEventKind.MEMBERS_REMOVED) {
            JsonNode members = service.path("members");
            if (members.size() == 1 && service.hasNonNull("actor") && service.get("actor").asText().equals(members.get(0).asText(null))) {
                return Optional.of(GroupEventKind.MEMBER_LEFT);
            }
        }
        return kind;
    }

    /** Whether the actor of an event of this kind must be the chat's owner or one of its admins. */
    public static boolean takenByAdmin(GroupEventKind kind) {
        return BY_ADMIN.getOrDefault(kind, false);
    }
}
