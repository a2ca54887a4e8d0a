package io.vigil.modelimport.keras;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * One layer of a Keras functional model: its class, its config, and the layers whose outputs it consumes
 * (in call order). Helpers read config fields with errors that name the layer.
 */
public record KerasLayer(String name, String className, JsonNode config, List<String> inputs) {

    public KerasLayer {
        inputs = List.copyOf(inputs);
    }

    public String input() {
        if (inputs.size() != 1) {
            throw new IllegalArgumentException(this + " must have exactly one input, has " + inputs.size());
        }
        return inputs.get(0);
    }

    public boolean has(String field) {
        return config.hasNonNull(field);
    }

    public String text(String field, String fallback) {
        JsonNode value = config.get(field);
        return value == null || value.isNull() ? fallback : value.asText();
    }

    public double number(String field, double fallback) {
        JsonNode value = config.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isNumber()) {
            throw new IllegalArgumentException(this + ": '" + field + "' must be a number, got " + value);
        }
        return value.asDouble();
    }

    public boolean bool(String field, boolean fallback) {
        JsonNode value = config.get(field);
        return value == null || value.isNull() ? fallback : value.asBoolean();
    }

    /** A pair such as kernel_size or strides, written either as [h, w] or as a single int for both. */
    public int[] pair(String field, int[] fallback) {
        JsonNode value = config.get(field);
        if (value == null || value.isNull()) {
            if (fallback == null) {
                throw new IllegalArgumentException(this + ": missing '" + field + "'");
            }
            return fallback.clone();
        }
        if (value.isInt()) {
            return new int[] {value.asInt(), value.asInt()};
        }
        if (value.isArray() && value.size() == 2) {
            return new int[] {value.get(0).asInt(), value.get(1).asInt()};
        }
        throw new IllegalArgumentException(this + ": '" + field + "' must be an int or [h, w], got " + value);
    }

    @Override
    public String toString() {
        return className + " layer '" + name + "'";
    }
}
