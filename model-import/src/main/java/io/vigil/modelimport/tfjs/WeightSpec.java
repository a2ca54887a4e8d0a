package io.vigil.modelimport.tfjs;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One entry of a TF.js weights manifest: a named tensor, its logical dtype and, when the converter
 * quantized it, how it is stored ({@code quantization.dtype} with {@code scale} and {@code min}).
 */
public record WeightSpec(String name, int[] shape, String dtype, Quantization quantization) {

    /** Affine quantization as TF.js writes it: {@code value = stored * scale + min}. */
    public record Quantization(String dtype, double scale, double min) {}

    static WeightSpec fromJson(JsonNode node) {
        String name = TfjsJson.requiredText(node, "name", "weight spec");
        JsonNode shapeNode = TfjsJson.required(node, "shape", "weight " + name);
        int[] shape = new int[shapeNode.size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = shapeNode.get(i).asInt();
        }
        String dtype = TfjsJson.requiredText(node, "dtype", "weight " + name);
        JsonNode q = node.get("quantization");
        Quantization quantization = null;
        if (q != null && !q.isNull()) {
            String storedAs = TfjsJson.requiredText(q, "dtype", "quantization of " + name);
            quantization = new Quantization(storedAs,
                    q.hasNonNull("scale") ? q.get("scale").asDouble() : Double.NaN,
                    q.hasNonNull("min") ? q.get("min").asDouble() : Double.NaN);
        }
        return new WeightSpec(name, shape, dtype, quantization);
    }
}
