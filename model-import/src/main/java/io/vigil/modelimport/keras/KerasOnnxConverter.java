package io.vigil.modelimport.keras;

import ai.onnx.proto.OnnxMl.ModelProto;
import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.modelimport.FloatTensor;
import io.vigil.modelimport.onnx.OnnxGraphBuilder;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Converts a Keras layers model (channels-last, as TF.js runs it) to an ONNX graph.
 *
 * <p>The ONNX model keeps the Keras input layout (NHWC, batch dimension symbolic) and transposes once to NCHW,
 * the layout ONNX convolutions use; everything after runs in NCHW, and Flatten transposes back so that dense
 * layers see features in Keras's (H, W, C) order. Convolutions absorb a preceding ZeroPadding2D and a following
 * BatchNormalization (see {@link FusionPlan}); depthwise convolutions become grouped convolutions with one group
 * per input channel; ReLU capped at 6 becomes Clip. Every weight in the model must be used, or the conversion
 * fails: a leftover weight means the topology was misread.
 */
public final class KerasOnnxConverter {

    /** Layers that compute nothing at inference time. */
    private static final Set<String> INFERENCE_IDENTITIES = Set.of(
            "Dropout", "SpatialDropout2D", "GaussianNoise", "GaussianDropout", "AlphaDropout", "ActivityRegularization");

    public static final List<String> SUPPORTED_LAYERS = List.of("InputLayer", "Conv2D", "DepthwiseConv2D", "BatchNormalization",
            "ReLU", "Activation", "ZeroPadding2D", "Add", "AveragePooling2D", "MaxPooling2D", "GlobalAveragePooling2D",
            "Flatten", "Dense", "Dropout", "SpatialDropout2D", "GaussianNoise", "GaussianDropout", "AlphaDropout",
            "ActivityRegularization");

    /** How the converted model is named and labelled. */
    public record Options(String graphName, String batchDimension, String producerVersion, String docString,
                          Map<String, String> metadata) {
        public Options {
            metadata = Map.copyOf(metadata);
        }

        public static Options named(String graphName) {
            return new Options(graphName, "batch", "dev", "", Map.of());
        }
    }

    /** The per-example shape of a layer's output: spatial (C, H, W), stored NCHW in ONNX, or flat features. */
    private record Shape(int channels, int height, int width, boolean spatial) {
        static Shape spatial(int channels, int height, int width) {
            return new Shape(channels, height, width, true);
        }

        static Shape flat(int features) {
            return new Shape(features, 1, 1, false);
        }

        int size() {
            return channels * height * width;
        }

        @Override
        public String toString() {
            return spatial ? "(H=" + height + ", W=" + width + ", C=" + channels + ")" : "(" + channels + ")";
        }
    }

    private final KerasModelGraph graph;
    private final Map<String, FloatTensor> weights;
    private final Options options;
    private final FusionPlan plan;
    private final OnnxGraphBuilder onnx;
    private final Map<String, String> tensorOf = new HashMap<>();
    private final Map<String, Shape> shapeOf = new HashMap<>();
    private final Set<String> usedWeights = new HashSet<>();

    private KerasOnnxConverter(KerasModelGraph graph, Map<String, FloatTensor> weights, Options options) {
        this.graph = graph;
        this.weights = weights;
        this.options = options;
        this.plan = FusionPlan.of(graph);
        this.onnx = new OnnxGraphBuilder(options.graphName());
    }

    public static ModelProto convert(KerasModelGraph graph, Map<String, FloatTensor> weights, Options options) {
        return new KerasOnnxConverter(graph, weights, options).run();
    }

    private ModelProto run() {
        for (KerasLayer layer : graph.layers()) {
            convertLayer(layer);
        }
        for (String output : graph.outputs()) {
            declareOutput(output);
        }
        Set<String> unused = new TreeSet<>(weights.keySet());
        unused.removeAll(usedWeights);
        if (!unused.isEmpty()) {
            throw new IllegalArgumentException("weights not used by any layer (the topology was misread or is unsupported): " + unused);
        }
        return onnx.build("vigil-model-import", options.producerVersion(), options.docString(), options.metadata());
    }

    private void convertLayer(KerasLayer layer) {
        if (plan.isAbsorbedPadding(layer.name()) || plan.isFoldedBatchNorm(layer.name())) {
            return; // emitted by the convolution that absorbs it
        }
        if (layer.has("data_format") && !layer.text("data_format", "").equals("channels_last")) {
            throw new IllegalArgumentException(layer + ": only data_format channels_last is supported (TF.js's layout)");
        }
        if (INFERENCE_IDENTITIES.contains(layer.className())) {
            alias(layer.name(), layer.input());
            return;
        }
        switch (layer.className()) {
            case "InputLayer": input(layer); break;
            case "Conv2D": convolution(layer, false); break;
            case "DepthwiseConv2D": convolution(layer, true); break;
            case "BatchNormalization": batchNormalization(layer); break;
            case "ReLU": relu(layer); break;
            case "Activation":
                activation(layer.text("activation", "linear"), layer, tensorOf(layer.input()), layer.name(), shapeOf(layer.input()));
                record(layer.name(), layer.name(), shapeOf(layer.input()));
                break;
            case "ZeroPadding2D": zeroPadding(layer); break;
            case "Add": add(layer); break;
            case "AveragePooling2D": pooling(layer, "AveragePool"); break;
            case "MaxPooling2D": pooling(layer, "MaxPool"); break;
            case "GlobalAveragePooling2D": globalAveragePooling(layer); break;
            case "Flatten": flatten(layer); break;
            case "Dense": dense(layer); break;
            default:
                throw new IllegalArgumentException("unsupported " + layer + "; supported layers: " + SUPPORTED_LAYERS);
        }
    }

    private void input(KerasLayer layer) {
        JsonNode shape = layer.config().get("batch_input_shape");
        if (shape == null || shape.isNull()) {
            throw new IllegalArgumentException(layer + ": missing batch_input_shape");
        }
        for (int i = 1; i < shape.size(); i++) {
            if (!shape.get(i).isInt()) {
                throw new IllegalArgumentException(layer + ": the importer needs a fixed input size, got " + shape);
            }
        }
        String batch = options.batchDimension();
        if (shape.size() == 4) {
            int height = shape.get(1).asInt();
            int width = shape.get(2).asInt();
            int channels = shape.get(3).asInt();
            onnx.input(layer.name(), batch, height, width, channels);
            String nchw = onnx.node("Transpose").name(layer.name() + "/to_nchw").inputs(layer.name())
                    .output(layer.name() + "/nchw").attr("perm", 0, 3, 1, 2).add();
            record(layer.name(), nchw, Shape.spatial(channels, height, width));
        } else if (shape.size() == 2) {
            onnx.input(layer.name(), batch, shape.get(1).asInt());
            record(layer.name(), layer.name(), Shape.flat(shape.get(1).asInt()));
        } else {
            throw new IllegalArgumentException(layer + ": unsupported input rank " + shape + " (expected [batch, H, W, C] or [batch, features])");
        }
    }

    private void convolution(KerasLayer layer, boolean depthwise) {
        String source = layer.input();
        long[] pads = new long[4]; // ONNX order: top, left, bottom, right
        if (plan.isAbsorbedPadding(source)) {
            int[][] padding = zeroPaddingOf(graph.layer(source));
            pads = new long[] {padding[0][0], padding[1][0], padding[0][1], padding[1][1]};
            source = graph.layer(source).input();
        }
        Shape in = spatialShapeOf(layer, source);
        int[] kernelSize = layer.pair("kernel_size", null);
        int[] strides = layer.pair("strides", new int[] {1, 1});
        int[] dilation = layer.pair("dilation_rate", new int[] {1, 1});
        addPaddingMode(layer, pads, in.height() + (int) (pads[0] + pads[2]), in.width() + (int) (pads[1] + pads[3]),
                kernelSize, strides, dilation);

        FloatTensor onnxWeights;
        int outChannels;
        int groups;
        if (depthwise) {
            FloatTensor kernel = weight(layer, "depthwise_kernel", 4);
            int multiplier = kernel.dim(3);
            requireMatch(layer, "depthwise kernel input channels", kernel.dim(2), in.channels());
            requireMatch(layer, "depth_multiplier", (int) layer.number("depth_multiplier", 1), multiplier);
            outChannels = in.channels() * multiplier;
            groups = in.channels();
            // TF's depthwise output channel c*M + m is input channel c times kernel[:, :, c, m]: ONNX group c, filter m.
            onnxWeights = kernel.permute(2, 3, 0, 1).reshape(outChannels, 1, kernel.dim(0), kernel.dim(1));
        } else {
            FloatTensor kernel = weight(layer, "kernel", 4);
            groups = (int) layer.number("groups", 1);
            requireMatch(layer, "kernel input channels x groups", kernel.dim(2) * groups, in.channels());
            outChannels = kernel.dim(3);
            requireMatch(layer, "filters", (int) layer.number("filters", outChannels), outChannels);
            onnxWeights = kernel.permute(3, 2, 0, 1);
        }
        requireMatch(layer, "kernel height", onnxWeights.dim(2), kernelSize[0]);
        requireMatch(layer, "kernel width", onnxWeights.dim(3), kernelSize[1]);
        float[] bias = layer.bool("use_bias", true) ? weight(layer, "bias", 1).data().clone() : new float[outChannels];
        requireMatch(layer, "bias length", bias.length, outChannels);

        String output = layer.name();
        Optional<String> foldedBatchNorm = plan.batchNormFoldedInto(layer.name());
        if (foldedBatchNorm.isPresent()) {
            onnxWeights = new FloatTensor(onnxWeights.shape(), onnxWeights.data().clone());
            foldBatchNorm(graph.layer(foldedBatchNorm.get()), onnxWeights, bias);
            output = foldedBatchNorm.get();
        }
        String activationName = layer.text("activation", "linear");
        String convOutput = activationName.equals("linear") ? output : layer.name() + "/preactivation";
        int outHeight = outputSize(in.height(), pads[0] + pads[2], kernelSize[0], strides[0], dilation[0]);
        int outWidth = outputSize(in.width(), pads[1] + pads[3], kernelSize[1], strides[1], dilation[1]);
        Shape outShape = Shape.spatial(outChannels, outHeight, outWidth);

        onnx.node("Conv").name(layer.name())
                .inputs(tensorOf(source),
                        onnx.initializer(layer.name() + "/W", onnxWeights),
                        onnx.initializer(layer.name() + "/B", new FloatTensor(new int[] {outChannels}, bias)))
                .output(convOutput)
                .attr("kernel_shape", kernelSize[0], kernelSize[1])
                .attr("strides", strides[0], strides[1])
                .attr("dilations", dilation[0], dilation[1])
                .attr("pads", pads)
                .attr("group", groups)
                .add();
        activation(activationName, layer, convOutput, output, outShape);
        record(layer.name(), output, outShape);
        record(output, output, outShape);
    }

    /**
     * Folds inference-time batch normalization {@code y = (x - mean) * gamma / sqrt(var + eps) + beta} into the
     * preceding convolution: each output channel's filter is scaled by {@code gamma / sqrt(var + eps)} and its bias
     * becomes {@code (bias - mean) * that + beta}.
     */
    private void foldBatchNorm(KerasLayer batchNorm, FloatTensor convWeights, float[] bias) {
        BatchNormParameters bn = batchNormParameters(batchNorm, bias.length);
        float[] w = convWeights.data();
        int perChannel = w.length / bias.length;
        for (int channel = 0; channel < bias.length; channel++) {
            double factor = bn.gamma[channel] / Math.sqrt(bn.variance[channel] + bn.epsilon);
            for (int i = channel * perChannel; i < (channel + 1) * perChannel; i++) {
                w[i] = (float) (w[i] * factor);
            }
            bias[channel] = (float) ((bias[channel] - bn.mean[channel]) * factor + bn.beta[channel]);
        }
    }

    private record BatchNormParameters(float[] gamma, float[] beta, float[] mean, float[] variance, double epsilon) {}

    private BatchNormParameters batchNormParameters(KerasLayer layer, int channels) {
        float[] gamma = layer.bool("scale", true) ? weight(layer, "gamma", 1).data() : filled(channels, 1f);
        float[] beta = layer.bool("center", true) ? weight(layer, "beta", 1).data() : new float[channels];
        float[] mean = weight(layer, "moving_mean", 1).data();
        float[] variance = weight(layer, "moving_variance", 1).data();
        for (float[] parameter : List.of(gamma, beta, mean, variance)) {
            requireMatch(layer, "parameter length", parameter.length, channels);
        }
        return new BatchNormParameters(gamma, beta, mean, variance, layer.number("epsilon", 1e-3));
    }

    private void batchNormalization(KerasLayer layer) {
        double axis = layer.number("axis", -1);
        Shape in = shapeOf(layer.input());
        if (axis != -1 && !(in.spatial() ? axis == 3 : axis == 1)) {
            throw new IllegalArgumentException(layer + ": only normalization over the channel (last) axis is supported, got axis " + axis);
        }
        BatchNormParameters bn = batchNormParameters(layer, in.channels());
        int[] shape = {in.channels()};
        String output = onnx.node("BatchNormalization").name(layer.name())
                .inputs(tensorOf(layer.input()),
                        onnx.initializer(layer.name() + "/gamma", new FloatTensor(shape, bn.gamma())),
                        onnx.initializer(layer.name() + "/beta", new FloatTensor(shape, bn.beta())),
                        onnx.initializer(layer.name() + "/mean", new FloatTensor(shape, bn.mean())),
                        onnx.initializer(layer.name() + "/variance", new FloatTensor(shape, bn.variance())))
                .output(layer.name())
                .attr("epsilon", (float) bn.epsilon())
                .add();
        record(layer.name(), output, in);
    }

    /** Keras ReLU: {@code max_value} caps it (6 for MobileNet's ReLU6, written as ONNX Clip), {@code negative_slope} leaks. */
    private void relu(KerasLayer layer) {
        String input = tensorOf(layer.input());
        Shape shape = shapeOf(layer.input());
        double threshold = layer.number("threshold", 0);
        double slope = layer.number("negative_slope", 0);
        if (threshold != 0) {
            throw new IllegalArgumentException(layer + ": a non-zero threshold is not supported");
        }
        String output;
        if (layer.has("max_value")) {
            if (slope != 0) {
                throw new IllegalArgumentException(layer + ": max_value together with negative_slope is not supported");
            }
            output = clip(layer.name(), input, layer.name(), (float) layer.number("max_value", 0));
        } else if (slope != 0) {
            output = onnx.node("LeakyRelu").name(layer.name()).inputs(input).output(layer.name()).attr("alpha", (float) slope).add();
        } else {
            output = onnx.node("Relu").name(layer.name()).inputs(input).output(layer.name()).add();
        }
        record(layer.name(), output, shape);
    }

    private String clip(String nodeName, String input, String output, float max) {
        return onnx.node("Clip").name(nodeName).inputs(input, onnx.scalar(0f), onnx.scalar(max)).output(output).add();
    }

    /** Applies a Keras activation by name, reading {@code input} and writing {@code output}. */
    private void activation(String activation, KerasLayer layer, String input, String output, Shape shape) {
        String nodeName = layer.name() + "/" + activation;
        switch (activation) {
            case "linear":
                if (!input.equals(output)) {
                    onnx.node("Identity").name(nodeName).inputs(input).output(output).add();
                }
                break;
            case "relu": onnx.node("Relu").name(nodeName).inputs(input).output(output).add(); break;
            case "relu6": clip(nodeName, input, output, 6f); break;
            case "sigmoid": onnx.node("Sigmoid").name(nodeName).inputs(input).output(output).add(); break;
            case "tanh": onnx.node("Tanh").name(nodeName).inputs(input).output(output).add(); break;
            case "elu": onnx.node("Elu").name(nodeName).inputs(input).output(output).add(); break;
            case "softplus": onnx.node("Softplus").name(nodeName).inputs(input).output(output).add(); break;
            case "softmax":
                // Keras normalizes over the last axis: channels, which is axis 1 once spatial tensors are NCHW.
                onnx.node("Softmax").name(nodeName).inputs(input).output(output).attr("axis", shape.spatial() ? 1 : -1).add();
                break;
            default:
                throw new IllegalArgumentException(layer + ": unsupported activation '" + activation
                        + "' (supported: linear, relu, relu6, sigmoid, tanh, elu, softplus, softmax)");
        }
    }

    private void zeroPadding(KerasLayer layer) {
        Shape in = spatialShapeOf(layer, layer.input());
        int[][] padding = zeroPaddingOf(layer);
        String pads = onnx.int64Initializer(layer.name() + "/pads",
                0, 0, padding[0][0], padding[1][0], 0, 0, padding[0][1], padding[1][1]);
        String output = onnx.node("Pad").name(layer.name()).inputs(tensorOf(layer.input()), pads).output(layer.name())
                .attr("mode", "constant").add();
        record(layer.name(), output, Shape.spatial(in.channels(),
                in.height() + padding[0][0] + padding[0][1], in.width() + padding[1][0] + padding[1][1]));
    }

    /** Keras writes ZeroPadding2D's padding as p, [ph, pw] or [[top, bottom], [left, right]]; returns the last form. */
    private static int[][] zeroPaddingOf(KerasLayer layer) {
        JsonNode padding = layer.config().get("padding");
        if (padding == null || padding.isNull()) {
            return new int[][] {{1, 1}, {1, 1}}; // Keras default padding=(1, 1)
        }
        if (padding.isInt()) {
            int p = padding.asInt();
            return new int[][] {{p, p}, {p, p}};
        }
        if (padding.isArray() && padding.size() == 2) {
            int[][] result = new int[2][];
            for (int axis = 0; axis < 2; axis++) {
                JsonNode side = padding.get(axis);
                result[axis] = side.isInt() ? new int[] {side.asInt(), side.asInt()} : new int[] {side.get(0).asInt(), side.get(1).asInt()};
            }
            return result;
        }
        throw new IllegalArgumentException(layer + ": unsupported padding " + padding);
    }

    private void add(KerasLayer layer) {
        if (layer.inputs().size() < 2) {
            throw new IllegalArgumentException(layer + " needs at least two inputs");
        }
        Shape shape = shapeOf(layer.inputs().get(0));
        for (String input : layer.inputs()) {
            if (!shapeOf(input).equals(shape)) {
                throw new IllegalArgumentException(layer + ": inputs differ in shape (" + shape + " vs " + shapeOf(input) + ")");
            }
        }
        String sum = tensorOf(layer.inputs().get(0));
        for (int i = 1; i < layer.inputs().size(); i++) {
            boolean last = i == layer.inputs().size() - 1;
            String output = last ? layer.name() : layer.name() + "/partial" + i;
            sum = onnx.node("Add").name(output).inputs(sum, tensorOf(layer.inputs().get(i))).output(output).add();
        }
        record(layer.name(), sum, shape);
    }

    private void pooling(KerasLayer layer, String op) {
        Shape in = spatialShapeOf(layer, layer.input());
        int[] pool = layer.pair("pool_size", new int[] {2, 2});
        int[] strides = layer.pair("strides", pool);
        long[] pads = new long[4];
        addPaddingMode(layer, pads, in.height(), in.width(), pool, strides, new int[] {1, 1});
        OnnxGraphBuilder.NodeBuilder node = onnx.node(op).name(layer.name()).inputs(tensorOf(layer.input())).output(layer.name())
                .attr("kernel_shape", pool[0], pool[1])
                .attr("strides", strides[0], strides[1])
                .attr("pads", pads);
        if (op.equals("AveragePool")) {
            node.attr("count_include_pad", 0L); // TF averages over the window's real pixels only
        }
        String output = node.add();
        record(layer.name(), output, Shape.spatial(in.channels(),
                outputSize(in.height(), pads[0] + pads[2], pool[0], strides[0], 1),
                outputSize(in.width(), pads[1] + pads[3], pool[1], strides[1], 1)));
    }

    private void globalAveragePooling(KerasLayer layer) {
        Shape in = spatialShapeOf(layer, layer.input());
        if (layer.bool("keepdims", false)) {
            throw new IllegalArgumentException(layer + ": keepdims=true is not supported");
        }
        String pooled = onnx.node("GlobalAveragePool").name(layer.name() + "/pool").inputs(tensorOf(layer.input()))
                .output(layer.name() + "/pooled").add();
        String output = onnx.node("Flatten").name(layer.name()).inputs(pooled).output(layer.name()).attr("axis", 1L).add();
        record(layer.name(), output, Shape.flat(in.channels()));
    }

    private void flatten(KerasLayer layer) {
        Shape in = shapeOf(layer.input());
        if (!in.spatial()) {
            alias(layer.name(), layer.input());
            return;
        }
        String source = tensorOf(layer.input());
        if (in.height() * in.width() > 1) {
            // Keras flattens (H, W, C) row-major; go back to NHWC first so dense weights line up.
            source = onnx.node("Transpose").name(layer.name() + "/to_nhwc").inputs(source).output(layer.name() + "/nhwc")
                    .attr("perm", 0, 2, 3, 1).add();
        }
        String output = onnx.node("Flatten").name(layer.name()).inputs(source).output(layer.name()).attr("axis", 1L).add();
        record(layer.name(), output, Shape.flat(in.size()));
    }

    private void dense(KerasLayer layer) {
        Shape in = shapeOf(layer.input());
        if (in.spatial()) {
            throw new IllegalArgumentException(layer + ": Dense on a spatial tensor " + in + " is not supported; flatten or pool first");
        }
        FloatTensor kernel = weight(layer, "kernel", 2);
        requireMatch(layer, "kernel input size", kernel.dim(0), in.channels());
        int units = kernel.dim(1);
        requireMatch(layer, "units", (int) layer.number("units", units), units);
        float[] bias = layer.bool("use_bias", true) ? weight(layer, "bias", 1).data() : new float[units];
        requireMatch(layer, "bias length", bias.length, units);
        String activationName = layer.text("activation", "linear");
        String gemmOutput = activationName.equals("linear") ? layer.name() : layer.name() + "/preactivation";
        onnx.node("Gemm").name(layer.name())
                .inputs(tensorOf(layer.input()),
                        onnx.initializer(layer.name() + "/W", kernel),
                        onnx.initializer(layer.name() + "/B", new FloatTensor(new int[] {units}, bias)))
                .output(gemmOutput)
                .add();
        activation(activationName, layer, gemmOutput, layer.name(), Shape.flat(units));
        record(layer.name(), layer.name(), Shape.flat(units));
    }

    private void declareOutput(String layerName) {
        Shape shape = shapeOf(layerName);
        String tensor = tensorOf(layerName);
        String batch = options.batchDimension();
        if (shape.spatial()) {
            String nhwc = onnx.node("Transpose").name(layerName + "/output_nhwc").inputs(tensor).output(layerName + "/nhwc")
                    .attr("perm", 0, 2, 3, 1).add();
            onnx.output(nhwc, batch, shape.height(), shape.width(), shape.channels());
            return;
        }
        if (!tensor.equals(layerName)) {
            tensor = onnx.node("Identity").name(layerName + "/output").inputs(tensor).output(layerName).add();
        }
        onnx.output(tensor, batch, shape.channels());
    }

    /**
     * Adds the implicit padding of Keras's {@code padding} mode to {@code pads}. "same" pads as TensorFlow does:
     * enough for {@code ceil(size / stride)} outputs, the odd pixel going to the bottom/right.
     */
    private static void addPaddingMode(KerasLayer layer, long[] pads, int height, int width, int[] kernel, int[] strides, int[] dilation) {
        String mode = layer.text("padding", "valid");
        if (mode.equals("valid")) {
            return;
        }
        if (!mode.equals("same")) {
            throw new IllegalArgumentException(layer + ": unsupported padding mode '" + mode + "'");
        }
        int[] vertical = samePadding(height, kernel[0], strides[0], dilation[0]);
        int[] horizontal = samePadding(width, kernel[1], strides[1], dilation[1]);
        pads[0] += vertical[0];
        pads[2] += vertical[1];
        pads[1] += horizontal[0];
        pads[3] += horizontal[1];
    }

    static int[] samePadding(int size, int kernel, int stride, int dilation) {
        int effectiveKernel = (kernel - 1) * dilation + 1;
        int outputs = (size + stride - 1) / stride;
        int total = Math.max((outputs - 1) * stride + effectiveKernel - size, 0);
        return new int[] {total / 2, total - total / 2};
    }

    private static int outputSize(int size, long padding, int kernel, int stride, int dilation) {
        long span = size + padding - (long) (kernel - 1) * dilation - 1;
        if (span < 0) {
            throw new IllegalArgumentException("window " + kernel + " does not fit input " + size + " + padding " + padding);
        }
        return (int) (span / stride + 1);
    }

    private FloatTensor weight(KerasLayer layer, String parameter, int rank) {
        String name = layer.name() + "/" + parameter;
        FloatTensor tensor = weights.get(name);
        if (tensor == null) {
            // Some exporters prefix weight names with the model or a scope: accept a unique ".../layer/parameter".
            List<String> candidates = new ArrayList<>();
            for (String key : weights.keySet()) {
                if (key.endsWith("/" + name)) {
                    candidates.add(key);
                }
            }
            if (candidates.size() != 1) {
                throw new IllegalArgumentException(layer + ": weight '" + name + "' not found"
                        + (candidates.isEmpty() ? "" : " (ambiguous: " + candidates + ")"));
            }
            name = candidates.get(0);
            tensor = weights.get(name);
        }
        if (tensor.rank() != rank) {
            throw new IllegalArgumentException(layer + ": weight '" + name + "' has shape " + Arrays.toString(tensor.shape())
                    + ", expected rank " + rank);
        }
        usedWeights.add(name);
        return tensor;
    }

    private static void requireMatch(KerasLayer layer, String what, int actual, int expected) {
        if (actual != expected) {
            throw new IllegalArgumentException(layer + ": " + what + " is " + actual + ", expected " + expected);
        }
    }

    private static float[] filled(int length, float value) {
        float[] values = new float[length];
        Arrays.fill(values, value);
        return values;
    }

    private void alias(String layer, String input) {
        record(layer, tensorOf(input), shapeOf(input));
    }

    private void record(String layer, String tensor, Shape shape) {
        tensorOf.put(layer, tensor);
        shapeOf.put(layer, shape);
    }

    private String tensorOf(String layer) {
        String tensor = tensorOf.get(layer);
        if (tensor == null) {
            throw new IllegalStateException("layer '" + layer + "' was not converted before its use");
        }
        return tensor;
    }

    private Shape shapeOf(String layer) {
        Shape shape = shapeOf.get(layer);
        if (shape == null) {
            throw new IllegalStateException("layer '" + layer + "' was not converted before its use");
        }
        return shape;
    }

    private Shape spatialShapeOf(KerasLayer layer, String input) {
        Shape shape = shapeOf(input);
        if (!shape.spatial()) {
            throw new IllegalArgumentException(layer + " needs a spatial (H, W, C) input, got " + shape);
        }
        return shape;
    }
}
