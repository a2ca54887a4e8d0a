package io.vigil.runtime.validation;

import io.vigil.runtime.errors.RejectedRecordException;
import io.vigil.schemas.GroupMetadata;

/**
 * What a group's metadata must be before a service keeps it as the group's state: keyed by its own chat, so that a
 * record cannot overwrite another chat's metadata (and the table stays co-partitioned with the messages it joins),
 * and with identifiers and counts that make sense. A tombstone (null) removes the group and passes.
 */
public final class GroupMetadataValidation {

    /** Telegram's chat ids are 64-bit numbers; other platforms' ids are short too. Anything longer is not an id. */
    public static final int MAX_ID_CHARS = 256;

    public GroupMetadata check(String key, GroupMetadata group) {
        if (key == null) {
            throw new RejectedRecordException("missing_key", "group metadata has no key (it must be keyed by its chat id)");
        }
        if (group == null) {
            return null;
        }
        requireId(group.getChatId(), "chat id");
        requireId(group.getPlatform(), "platform");
        if (!group.getChatId().equals(key)) {
            throw new RejectedRecordException("key_not_chat_id", "group metadata must be keyed by its chat id");
        }
        if (group.getMemberCount() < 0) {
            throw new RejectedRecordException("invalid_member_count", "group metadata declares a negative member count");
        }
        if (group.getStrikeCount() < 0) {
            throw new RejectedRecordException("invalid_strike_count", "group metadata declares a negative strike count");
        }
        return group;
    }

    private static void requireId(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new RejectedRecordException("missing_" + what.replace(' ', '_'), "group metadata has no " + what);
        }
        if (value.length() > MAX_ID_CHARS) {
            throw new RejectedRecordException("invalid_" + what.replace(' ', '_'), "group metadata " + what + " is "
                    + value.length() + " characters, more than the " + MAX_ID_CHARS + " an id can have");
        }
    }
}
