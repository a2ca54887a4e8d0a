package io.vigil.modelimport.keras;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;

import java.nio.FloatBuffer;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Converts small hand-made Keras graphs, runs the ONNX result in ONNX Runtime, and compares it with
 * {@link KerasReference}, a plain evaluation of the same Keras layers in NHWC.
 */
class KerasOnnxConverterTest {

    private static final double TOLERANCE = 2e-5;

    @Test
    void mobileNetStyleBlockMatchesReferenceAndFusesPaddingAndBatchNorm() throws OrtException {
        KerasTopologyBuilder model = new KerasTopologyBuilder(1)
                .input("input", 11, 10, 3)
                .zeroPadding("stem_pad", "input", 0, 1, 0, 1)
                .conv("stem", "stem_pad", 8, 3, 2, "valid", false, "linear")
                .batchNorm("stem_bn", "stem")
                .relu("stem_relu", "stem_bn", 6.0)
                .conv("expand", "stem_relu", 16, 1, 1, "same", false, "linear")
                .batchNorm("expand_bn", "expand")
                .relu("expand_relu", "expand_bn", 6.0)
                .depthwise("dw", "expand_relu", 3, 1, "same", 1, false)
                .batchNorm("dw_bn", "dw")
                .relu("dw_relu", "dw_bn", 6.0)
                .conv("project", "dw_relu", 8, 1, 1, "same", false, "linear")
                .batchNorm("project_bn", "project")
                .add("residual", "stem_relu", "project_bn")
                .pooling("AveragePooling2D", "avg", "residual", 5, 5, "valid")
                .flatten("flatten", "avg")
                .dense("hidden", "flatten", 8, 6, "relu")
                .dropout("dropout", "hidden")
                .dense("probabilities", "dropout", 6, 5, "softmax");

        ModelProto onnx = KerasOnnxConverter.convert(model.graph("probabilities"), model.weights(), KerasOnnxConverter.Options.named("block"));

        List<String> ops = onnx.getGraph().getNodeList().stream().map(NodeProto::getOpType).toList();
        assertThat(ops).doesNotContain("BatchNormalization", "Pad");
        assertThat(ops.stream().filter("Conv"::equals)).hasSize(4);
        assertThat(ops.stream().filter("Clip"::equals)).hasSize(3);
        assertThat(onnx.getGraph().getNodeList().stream().filter(n -> n.getName().equals("dw")).findFirst().orElseThrow()
                .getAttributeList().stream().filter(a -> a.getName().equals("group")).findFirst().orElseThrow().getI())
                .as("depthwise convolution becomes one group per channel").isEqualTo(16);
        assertMatchesReference(model, "probabilities", onnx, 11, 10, 3);
    }

    @Test
    void layersThatCannotBeFusedStandAloneAndStillMatch() throws OrtException {
        KerasTopologyBuilder model = new KerasTopologyBuilder(2)
                .input("input", 11, 7, 2)
                .zeroPadding("shared_pad", "input", 1, 2, 2, 1) // read by two layers: cannot be absorbed
                .conv("a", "shared_pad", 4, 3, 2, "same", true, "relu")
                .batchNorm("a_bn", "a") // conv has a non-linear activation: cannot be folded
                .conv("b", "shared_pad", 4, 3, 2, "same", true, "linear")
                .add("sum", "a_bn", "b")
                .depthwise("dw", "sum", 3, 2, "same", 2, true)
                .pooling("MaxPooling2D", "max", "dw", 2, 1, "same")
                .pooling("AveragePooling2D", "avg", "max", 3, 2, "same") // edge windows average real pixels only
                .relu("relu", "avg", null)
                .flatten("flatten", "relu"); // spatial > 1: order must be Keras's (H, W, C)
        int features = 2 * 2 * 8;
        model.dense("out", "flatten", features, 3, "sigmoid");

        ModelProto onnx = KerasOnnxConverter.convert(model.graph("out"), model.weights(), KerasOnnxConverter.Options.named("unfused"));

        List<String> ops = onnx.getGraph().getNodeList().stream().map(NodeProto::getOpType).toList();
        assertThat(ops).contains("BatchNormalization", "Pad", "MaxPool", "AveragePool", "Relu", "Sigmoid");
        assertMatchesReference(model, "out", onnx, 11, 7, 2);
    }

    @Test
    void globalAveragePoolingHead() throws OrtException {
        KerasTopologyBuilder model = new KerasTopologyBuilder(3)
                .input("input", 6, 6, 3)
                .conv("conv", "input", 5, 3, 1, "valid", true, "relu6")
                .globalAveragePooling("gap", "conv")
                .dense("logits", "gap", 5, 4, "linear");
        ModelProto onnx = KerasOnnxConverter.convert(model.graph("logits"), model.weights(), KerasOnnxConverter.Options.named("gap"));
        assertMatchesReference(model, "logits", onnx, 6, 6, 3);
    }

    @Test
    void unsupportedLayerIsNamedWithTheSupportedOnes() {
        KerasTopologyBuilder model = new KerasTopologyBuilder(4).input("input", 4, 4, 1)
                .layer("LSTM", "lstm", JsonNodeFactory.instance.objectNode(), "input");
        assertThatThrownBy(() -> KerasOnnxConverter.convert(model.graph("lstm"), model.weights(), KerasOnnxConverter.Options.named("x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unsupported LSTM layer 'lstm'")
                .hasMessageContaining("DepthwiseConv2D");
    }

    @Test
    void aWeightNoLayerUsesFailsTheConversion() {
        KerasTopologyBuilder model = new KerasTopologyBuilder(5).input("input", 4, 4, 1)
                .conv("conv", "input", 2, 1, 1, "valid", true, "linear");
        model.weights().put("ghost/kernel", model.randomTensor(1, 2, 2));
        assertThatThrownBy(() -> KerasOnnxConverter.convert(model.graph("conv"), model.weights(), KerasOnnxConverter.Options.named("x")))
                .hasMessageContaining("weights not used by any layer").hasMessageContaining("ghost/kernel");
    }

    @Test
    void weightShapesAreCheckedAgainstTheTopology() {
        KerasTopologyBuilder model = new KerasTopologyBuilder(6).input("input", 4, 4, 3)
                .conv("conv", "input", 2, 3, 1, "valid", false, "linear");
        model.weights().put("conv/kernel", model.randomTensor(1, 3, 3, 4, 2));
        assertThatThrownBy(() -> KerasOnnxConverter.convert(model.graph("conv"), model.weights(), KerasOnnxConverter.Options.named("x")))
                .hasMessageContaining("Conv2D layer 'conv'").hasMessageContaining("input channels");
    }

    @Test
    void samePaddingPutsTheOddPixelAfter() {
        assertThat(KerasOnnxConverter.samePadding(224, 3, 2, 1)).containsExactly(0, 1);
        assertThat(KerasOnnxConverter.samePadding(7, 3, 2, 1)).containsExactly(1, 1);
        assertThat(KerasOnnxConverter.samePadding(5, 3, 1, 1)).containsExactly(1, 1);
        assertThat(KerasOnnxConverter.samePadding(5, 1, 1, 1)).containsExactly(0, 0);
    }

    /** Runs a batch of two random inputs through ONNX Runtime and compares each row with the reference. */
    private static void assertMatchesReference(KerasTopologyBuilder model, String output, ModelProto onnx, int h, int w, int c)
            throws OrtException {
        Random random = new Random(42);
        int batch = 2;
        float[] input = new float[batch * h * w * c];
        for (int i = 0; i < input.length; i++) {
            input[i] = random.nextFloat() * 2 - 1;
        }
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(onnx.toByteArray(), new OrtSession.SessionOptions());
             OnnxTensor tensor = OnnxTensor.createTensor(env, FloatBuffer.wrap(input), new long[] {batch, h, w, c});
             OrtSession.Result result = session.run(Map.of("input", tensor))) {
            float[][] actual = (float[][]) result.get(0).getValue();
            for (int b = 0; b < batch; b++) {
                float[] one = new float[h * w * c];
                System.arraycopy(input, b * one.length, one, 0, one.length);
                double[] expected = KerasReference.run(model.graph(output), model.weights(), one);
                assertThat(actual[b]).hasSize(expected.length);
                for (int i = 0; i < expected.length; i++) {
                    assertThat((double) actual[b][i]).as("example %d, output %d", b, i).isCloseTo(expected[i], within(TOLERANCE));
                }
            }
        }
    }

}
