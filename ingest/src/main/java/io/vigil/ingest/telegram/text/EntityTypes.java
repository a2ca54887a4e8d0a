package io.vigil.ingest.telegram.text;

import java.util.Map;

/**
 * Telegram Desktop export entity types and the Bot API's names for the same entities (MessageEntity.type), which is
 * what MessageEvent carries whatever the source. Types an export writes with the Bot API's name pass unchanged;
 * unknown ones are kept as written rather than dropped.
 */
public final class EntityTypes {

    /** Export name to Bot API name, where they differ ({@code export_output_json.cpp} vs Bot API {@code JsonEntity}). */
    private static final Map<String, String> RENAMED = Map.of(
            "link", "url",
            "phone", "phone_number",
            "bank_card", "bank_card_number",
            "mention_name", "text_mention");

    private EntityTypes() {
    }

    /** The Bot API's name for an export entity type; {@code plain} is no entity at all and gives null. */
    public static String botApiName(String exportType) {
        if (exportType == null || exportType.isBlank() || exportType.equals("plain")) {
            return null;
        }
        return RENAMED.getOrDefault(exportType, exportType);
    }

    /** The link Telegram clients use for a user without a username, as the target of a text_mention. */
    public static String userLink(long userId) {
        return "tg://user?id=" + userId;
    }
}
