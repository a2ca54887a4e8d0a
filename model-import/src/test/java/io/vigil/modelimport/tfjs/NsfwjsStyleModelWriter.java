package io.vigil.modelimport.tfjs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.modelimport.FloatTensor;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a model the way the nsfwjs npm package ships one: {@code model.min.js} and {@code group1-shard1of1.min.js},
 * browserify modules exporting the topology + manifest and the base64 weight shard, with every weight quantized
 * to uint8 as the TF.js converter does. {@link #dequantized()} gives the weights a faithful reader must recover.
 */
public final class NsfwjsStyleModelWriter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, byte[]> files = new LinkedHashMap<>();
    private final Map<String, FloatTensor> dequantized = new LinkedHashMap<>();

    public NsfwjsStyleModelWriter(JsonNode modelConfig, Map<String, FloatTensor> weights) {
        ArrayNode specs = JSON.createArrayNode();
        ByteArrayOutputStream shard = new ByteArrayOutputStream();
        for (Map.Entry<String, FloatTensor> entry : weights.entrySet()) {
            FloatTensor tensor = entry.getValue();
            float min = Float.POSITIVE_INFINITY, max = Float.NEGATIVE_INFINITY;
            for (float v : tensor.data()) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            double scale = max > min ? (max - min) / 255.0 : 1.0;
            float[] restored = new float[tensor.size()];
            for (int i = 0; i < tensor.size(); i++) {
                int q = (int) Math.round((tensor.get(i) - min) / scale);
                shard.write(q);
                restored[i] = (float) (q * scale + min);
            }
            dequantized.put(entry.getKey(), new FloatTensor(tensor.shape(), restored));
            ObjectNode spec = specs.addObject();
            spec.put("name", entry.getKey()).put("dtype", "float32");
            spec.set("shape", JSON.valueToTree(tensor.shape()));
            spec.putObject("quantization").put("min", (double) min).put("scale", scale).put("dtype", "uint8");
        }
        ObjectNode artifacts = JSON.createObjectNode();
        artifacts.putObject("modelTopology").put("keras_version", "2.2.4").put("backend", "tensorflow").set("model_config", modelConfig);
        ObjectNode group = artifacts.putArray("weightsManifest").addObject();
        group.putArray("paths").add("group1-shard1of1");
        group.set("weights", specs);
        files.put("model.min.js", BundledJsModuleTest.browserify(artifacts.toString()).getBytes(StandardCharsets.UTF_8));
        files.put("group1-shard1of1.min.js", BundledJsModuleTest.browserify(
                "\"" + Base64.getEncoder().encodeToString(shard.toByteArray()) + "\"").getBytes(StandardCharsets.UTF_8));
    }

    public Map<String, FloatTensor> dequantized() {
        return dequantized;
    }

    public void writeTo(Path folder) throws IOException {
        Files.createDirectories(folder);
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Files.write(folder.resolve(file.getKey()), file.getValue());
        }
    }

    /** An npm-style package tarball: every file under {@code package/}, the model under {@code package/<modelPath>/}. */
    public void writeNpmTarball(Path tarball, String modelPath) throws IOException {
        try (OutputStream out = Files.newOutputStream(tarball);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(out))) {
            put(tar, "package/package.json", "{\"name\":\"tiny\",\"version\":\"1.0.0\"}".getBytes(StandardCharsets.UTF_8));
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                put(tar, "package/" + modelPath + "/" + file.getKey(), file.getValue());
            }
            put(tar, "package/" + modelPath + "/nested/ignored.txt", new byte[] {1});
        }
    }

    private static void put(TarArchiveOutputStream tar, String name, byte[] content) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(content.length);
        tar.putArchiveEntry(entry);
        tar.write(content);
        tar.closeArchiveEntry();
    }
}
