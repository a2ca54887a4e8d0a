package io.vigil.modelimport.tfjs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.modelimport.FloatTensor;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A TF.js Keras layers model: its topology (Keras {@code model_config}) and its decoded weights.
 *
 * <p>Read from either TF.js's own layout ({@code model.json} plus binary shards named in the weights manifest)
 * or NSFWJS's bundled layout ({@code model.min.js} plus {@code <shard>.min.js} modules exporting each shard as a
 * base64 string), which is what the {@code nsfwjs} npm package ships.
 */
public record TfjsLayersModel(JsonNode modelConfig, Map<String, FloatTensor> weights) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static TfjsLayersModel load(ModelFiles files) {
        JsonNode artifacts = readArtifacts(files);
        JsonNode topology = TfjsJson.required(artifacts, "modelTopology", files.describe());
        JsonNode modelConfig = topology.has("model_config") ? topology.get("model_config") : topology;
        JsonNode manifest = TfjsJson.required(artifacts, "weightsManifest", files.describe());

        List<WeightSpec> specs = new ArrayList<>();
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        for (JsonNode group : manifest) {
            for (JsonNode path : TfjsJson.required(group, "paths", "weights manifest group")) {
                byte[] shard = readShard(files, path.asText());
                data.write(shard, 0, shard.length);
            }
            for (JsonNode weight : TfjsJson.required(group, "weights", "weights manifest group")) {
                specs.add(WeightSpec.fromJson(weight));
            }
        }
        return new TfjsLayersModel(modelConfig, TfjsWeightDecoder.decode(specs, data.toByteArray()));
    }

    private static JsonNode readArtifacts(ModelFiles files) {
        Optional<byte[]> json = files.read("model.json");
        if (json.isPresent()) {
            try {
                return JSON.readTree(json.get());
            } catch (IOException e) {
                throw new IllegalArgumentException(files.describe() + "/model.json is not valid JSON: " + e.getMessage(), e);
            }
        }
        byte[] module = files.read("model.min.js").orElseThrow(() -> new IllegalArgumentException(
                files.describe() + ": neither model.json nor model.min.js found"));
        return BundledJsModule.exportedValue(new String(module, StandardCharsets.UTF_8), files.describe() + "/model.min.js");
    }

    private static byte[] readShard(ModelFiles files, String path) {
        Optional<byte[]> binary = files.read(path);
        if (binary.isPresent()) {
            return binary.get();
        }
        String bundledName = path + ".min.js";
        byte[] module = files.read(bundledName).orElseThrow(() -> new IllegalArgumentException(
                files.describe() + ": weight shard '" + path + "' not found (neither " + path + " nor " + bundledName + ")"));
        JsonNode exported = BundledJsModule.exportedValue(new String(module, StandardCharsets.UTF_8), bundledName);
        if (!exported.isTextual()) {
            throw new IllegalArgumentException(bundledName + ": expected the shard as a base64 string, got " + exported.getNodeType());
        }
        try {
            return Base64.getDecoder().decode(exported.asText());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(bundledName + ": the exported shard is not valid base64: " + e.getMessage(), e);
        }
    }
}
