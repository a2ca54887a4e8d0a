package io.vigil.ingest.telegram.text;

import io.vigil.schemas.TextEntity;

import java.util.ArrayList;
import java.util.List;

/**
 * A message's text as one string with the entities Telegram marked in it, at offsets in UTF-16 code units as
 * Telegram counts them (a Java {@code String}'s own unit, so {@code text.substring(offset, offset + length)} is
 * the entity).
 */
public record FlatText(String text, List<TextEntity> entities) {

    public static final FlatText EMPTY = new FlatText("", List.of());

    public FlatText {
        entities = List.copyOf(entities);
    }

    public boolean isEmpty() {
        return text.isEmpty();
    }

    /**
     * This text followed by another part on its own paragraph (a shared contact, a poll, a venue): parts that carry
     * text an abuser can use, as the text of the message. The entities of this text keep their offsets.
     */
    public FlatText append(String part) {
        if (part == null || part.isBlank()) {
            return this;
        }
        return new FlatText(text.isEmpty() ? part : text + "\n\n" + part, entities);
    }

    /** Builds a text part by part, recording an entity over each typed part. */
    public static final class Builder {
        private final StringBuilder text = new StringBuilder();
        private final List<TextEntity> entities = new ArrayList<>();

        public Builder plain(String part) {
            text.append(part);
            return this;
        }

        /** Appends a part and marks it; an empty part is appended without an entity (Telegram has none of length 0). */
        public Builder entity(String botApiType, String part, String url) {
            int offset = text.length();
            text.append(part);
            if (!part.isEmpty()) {
                entities.add(TextEntity.newBuilder().setType(botApiType).setOffset(offset).setLength(part.length()).setUrl(url).build());
            }
            return this;
        }

        public FlatText build() {
            return new FlatText(text.toString(), entities);
        }
    }
}
