package io.vigil.detector.nudity;

import ai.onnx.proto.OnnxMl.ModelProto;
import io.vigil.modelimport.FloatTensor;
import io.vigil.modelimport.onnx.OnnxGraphBuilder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A small stand-in for the classifiers platforms run themselves (OpenNSFW: a Caffe ResNet with 2 classes, NCHW,
 * BGR, mean-subtracted, centre-cropped), built by the test with the ONNX protobuf classes. Its arithmetic is simple
 * enough to predict exactly: a 1x1 convolution picks the blue and red planes, a ReLU, a global average pool, and a
 * dense layer scales them into logits, so {@code sfw = GAIN * mean(relu(B - 104))} and
 * {@code nsfw = GAIN * mean(relu(R - 123))} before the descriptor's softmax.
 */
final class OpenNsfwStyleModel {

    static final float GAIN = 0.02f;
    static final int SIZE = 32;

    private OpenNsfwStyleModel() {}

    static ModelProto build() {
        OnnxGraphBuilder graph = new OnnxGraphBuilder("open_nsfw_style");
        graph.input("data", "batch", 3, SIZE, SIZE);
        // Output plane 0 = input plane 0 (blue, in BGR), output plane 1 = input plane 2 (red).
        float[] select = {1, 0, 0, 0, 0, 1};
        graph.node("Conv").name("select").inputs("data", graph.initializer("select/W", new FloatTensor(new int[] {2, 3, 1, 1}, select)))
                .output("planes").attr("kernel_shape", 1L, 1L).add();
        graph.node("Relu").name("relu").inputs("planes").output("rectified").add();
        graph.node("GlobalAveragePool").name("pool").inputs("rectified").output("pooled").add();
        graph.node("Flatten").name("flatten").inputs("pooled").output("features").attr("axis", 1L).add();
        graph.node("Gemm").name("fc").inputs("features",
                        graph.initializer("fc/W", new FloatTensor(new int[] {2, 2}, new float[] {GAIN, 0, 0, GAIN})),
                        graph.initializer("fc/B", new FloatTensor(new int[] {2}, new float[] {0, 0})))
                .output("logits").add();
        graph.output("logits", "batch", 2);
        return graph.build("vigil-tests", "1", "OpenNSFW-style test model", Map.of());
    }

    /** Writes the model and its descriptor into {@code dir}; returns the descriptor. */
    static Path writeWithDescriptor(Path dir, String descriptorYaml) throws IOException {
        Files.write(dir.resolve("model.onnx"), build().toByteArray());
        Path descriptor = dir.resolve("open-nsfw-style.yaml");
        Files.writeString(descriptor, descriptorYaml);
        return descriptor;
    }

    /** Softmax of the two logits the model computes for a uniform image of colour (r, g, b). */
    static double[] expectedForUniform(int r, int b) {
        double sfw = GAIN * Math.max(0, b - 104.0);
        double nsfw = GAIN * Math.max(0, r - 123.0);
        double max = Math.max(sfw, nsfw);
        double es = Math.exp(sfw - max), en = Math.exp(nsfw - max);
        return new double[] {es / (es + en), en / (es + en)};
    }
}
