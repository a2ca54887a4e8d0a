package io.vigil.modelimport.tfjs;

import io.vigil.modelimport.FloatTensor;
import io.vigil.modelimport.keras.KerasTopologyBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TfjsLayersModelTest {

    private final KerasTopologyBuilder topology = new KerasTopologyBuilder(7)
            .input("input", 4, 4, 3)
            .conv("conv", "input", 4, 3, 1, "same", true, "relu")
            .flatten("flatten", "conv")
            .dense("out", "flatten", 64, 2, "softmax");

    @Test
    void readsTheNsfwjsBundledLayout(@TempDir Path folder) throws IOException {
        NsfwjsStyleModelWriter writer = new NsfwjsStyleModelWriter(topology.modelConfig("out"), topology.weights());
        writer.writeTo(folder);

        TfjsLayersModel model = TfjsLayersModel.load(ModelFiles.directory(folder));

        assertThat(model.modelConfig()).isEqualTo(topology.modelConfig("out"));
        assertThat(model.weights().keySet()).containsExactlyElementsOf(topology.weights().keySet());
        for (Map.Entry<String, FloatTensor> weight : writer.dequantized().entrySet()) {
            assertThat(model.weights().get(weight.getKey()).shape()).containsExactly(weight.getValue().shape());
            assertThat(model.weights().get(weight.getKey()).data()).containsExactly(weight.getValue().data());
        }
    }

    @Test
    void readsTheTfjsJsonAndBinaryShardLayout(@TempDir Path folder) throws IOException {
        float[] values = {0.5f, -1f, 2f};
        Files.writeString(folder.resolve("model.json"), "{\"modelTopology\":{\"model_config\":{\"class_name\":\"Model\"}},"
                + "\"weightsManifest\":[{\"paths\":[\"shard1.bin\"],\"weights\":[{\"name\":\"d/bias\",\"shape\":[3],\"dtype\":\"float32\"}]}]}");
        ByteBuffer shard = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            shard.putFloat(v);
        }
        Files.write(folder.resolve("shard1.bin"), shard.array());

        TfjsLayersModel model = TfjsLayersModel.load(ModelFiles.directory(folder));

        assertThat(model.modelConfig().get("class_name").asText()).isEqualTo("Model");
        assertThat(model.weights().get("d/bias").data()).containsExactly(values);
    }

    @Test
    void namesTheMissingShard(@TempDir Path folder) throws IOException {
        new NsfwjsStyleModelWriter(topology.modelConfig("out"), topology.weights()).writeTo(folder);
        Files.delete(folder.resolve("group1-shard1of1.min.js"));
        assertThatThrownBy(() -> TfjsLayersModel.load(ModelFiles.directory(folder)))
                .hasMessageContaining("weight shard 'group1-shard1of1' not found");
    }

    @Test
    void readsOnlyTheModelFolderOfAnNpmTarball(@TempDir Path folder) throws IOException {
        NsfwjsStyleModelWriter writer = new NsfwjsStyleModelWriter(topology.modelConfig("out"), topology.weights());
        Path tarball = folder.resolve("tiny-1.0.0.tgz");
        writer.writeNpmTarball(tarball, "dist/models/tiny");

        ModelFiles files = ModelFiles.npmTarball(tarball, "dist/models/tiny");

        assertThat(files.read("model.min.js")).isPresent();
        assertThat(files.read("ignored.txt")).isEmpty();
        assertThat(TfjsLayersModel.load(files).weights()).hasSize(topology.weights().size());
        assertThatThrownBy(() -> ModelFiles.npmTarball(tarball, "dist/models/other")).hasMessageContaining("has no files under package/dist/models/other/");
    }
}
