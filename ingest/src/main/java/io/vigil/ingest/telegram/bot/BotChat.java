package io.vigil.ingest.telegram.bot;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.schemas.ChatKind;
import io.vigil.schemas.Visibility;

/** A Bot API {@code Chat} as far as Vigil keeps it: id, type, title and public username. */
public record BotChat(String id, String type, String title, String username) {

    static BotChat of(JsonNode chat) {
        return new BotChat(chat.path("id").asText(), chat.path("type").asText(""),
                chat.hasNonNull("title") ? chat.get("title").asText() : null,
                chat.hasNonNull("username") ? chat.get("username").asText() : null);
    }

    public ChatKind kind() {
        return switch (type) {
            case "private" -> ChatKind.PRIVATE;
            case "group" -> ChatKind.GROUP;
            case "supergroup" -> ChatKind.SUPERGROUP;
            case "channel" -> ChatKind.CHANNEL;
            default -> ChatKind.UNKNOWN;
        };
    }

    /** A chat with a username can be found and joined by anyone (Bot API: {@code username}, the first active one). */
    public Visibility visibility() {
        return username == null ? Visibility.PRIVATE : Visibility.PUBLIC;
    }

    public boolean isGroupOrChannel() {
        ChatKind kind = kind();
        return kind == ChatKind.GROUP || kind == ChatKind.SUPERGROUP || kind == ChatKind.CHANNEL;
    }
}
