package io.vigil.ingest.telegram.text;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Flattens an export message's text. Telegram Desktop writes {@code text} as a string when the message has no
 * entities and otherwise as an array mixing plain strings and {@code {type, text, ...}} objects; since September
 * 2022 it also writes {@code text_entities}, the same split with every part typed. Concatenating the parts gives
 * the text; each typed part is an entity starting where the parts before it end, counted in UTF-16 code units.
 */
public final class ExportText {

    private ExportText() {
    }

    /** The flattened text of a message from its {@code text} and {@code text_entities} (either may be missing). */
    public static FlatText flatten(JsonNode text, JsonNode textEntities) {
        if (textEntities != null && textEntities.isArray() && !textEntities.isEmpty()) {
            return parts(textEntities);
        }
        if (text == null || text.isNull() || text.isMissingNode()) {
            return FlatText.EMPTY;
        }
        if (text.isTextual()) {
            return new FlatText(text.asText(), java.util.List.of());
        }
        if (text.isArray()) {
            return parts(text);
        }
        return new FlatText(text.asText(""), java.util.List.of());
    }

    private static FlatText parts(JsonNode parts) {
        FlatText.Builder builder = new FlatText.Builder();
        for (JsonNode part : parts) {
            if (part.isTextual()) {
                builder.plain(part.asText());
                continue;
            }
            if (!part.isObject()) {
                continue;
            }
            String partText = part.path("text").asText("");
            String type = EntityTypes.botApiName(part.path("type").asText("plain"));
            if (type == null) {
                builder.plain(partText);
            } else {
                builder.entity(typeWithVariant(type, part), partText, target(part));
            }
        }
        return builder.build();
    }

    /** A collapsed blockquote is the Bot API's expandable_blockquote. */
    private static String typeWithVariant(String type, JsonNode part) {
        if (type.equals("blockquote") && part.path("collapsed").asBoolean(false)) {
            return "expandable_blockquote";
        }
        return type;
    }

    /** What an entity points at: a text link's href, a user mention's user. */
    private static String target(JsonNode part) {
        if (part.hasNonNull("href")) {
            return part.get("href").asText();
        }
        if (part.hasNonNull("user_id") && part.get("user_id").canConvertToLong()) {
            return EntityTypes.userLink(part.get("user_id").asLong());
        }
        return null;
    }
}
