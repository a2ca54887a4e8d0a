package io.vigil.modelimport.tfjs;

import com.fasterxml.jackson.databind.JsonNode;

/** Field access on TF.js/Keras JSON with errors that name what was being read. */
public final class TfjsJson {

    private TfjsJson() {}

    public static JsonNode required(JsonNode node, String field, String what) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException(what + ": missing '" + field + "'");
        }
        return value;
    }

    public static String requiredText(JsonNode node, String field, String what) {
        JsonNode value = required(node, field, what);
        if (!value.isTextual()) {
            throw new IllegalArgumentException(what + ": '" + field + "' must be a string, got " + value);
        }
        return value.asText();
    }
}
