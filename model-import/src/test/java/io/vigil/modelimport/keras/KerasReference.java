package io.vigil.modelimport.keras;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.modelimport.FloatTensor;

import java.util.HashMap;
import java.util.Map;

/**
 * A direct, loop-by-loop evaluation of a Keras layers model in NHWC and double precision, written from the Keras
 * layer definitions and independent of the converter: the expected values the converted ONNX model must reproduce.
 */
final class KerasReference {

    /** An activation for one example: H x W x C (row-major, channels last) or flat features (h = w = 1). */
    record Activation(int h, int w, int c, double[] v, boolean spatial) {
        double at(int y, int x, int ch) {
            return v[(y * w + x) * c + ch];
        }
    }

    private final Map<String, FloatTensor> weights;

    private KerasReference(Map<String, FloatTensor> weights) {
        this.weights = weights;
    }

    static double[] run(KerasModelGraph graph, Map<String, FloatTensor> weights, float[] inputHwc) {
        KerasReference reference = new KerasReference(weights);
        Map<String, Activation> values = new HashMap<>();
        for (KerasLayer layer : graph.layers()) {
            values.put(layer.name(), reference.evaluate(layer, values, inputHwc));
        }
        return values.get(graph.outputs().get(0)).v();
    }

    private Activation evaluate(KerasLayer layer, Map<String, Activation> values, float[] inputHwc) {
        Activation in = layer.inputs().isEmpty() ? null : values.get(layer.inputs().get(0));
        JsonNode config = layer.config();
        switch (layer.className()) {
            case "InputLayer": {
                JsonNode shape = config.get("batch_input_shape");
                double[] v = new double[inputHwc.length];
                for (int i = 0; i < v.length; i++) {
                    v[i] = inputHwc[i];
                }
                return new Activation(shape.get(1).asInt(), shape.get(2).asInt(), shape.get(3).asInt(), v, true);
            }
            case "Conv2D": return activate(convolution(layer, in, false), config.path("activation").asText("linear"));
            case "DepthwiseConv2D": return activate(convolution(layer, in, true), config.path("activation").asText("linear"));
            case "BatchNormalization": {
                float[] gamma = w(layer, "gamma"), beta = w(layer, "beta"), mean = w(layer, "moving_mean"), variance = w(layer, "moving_variance");
                double eps = config.get("epsilon").asDouble();
                double[] v = in.v().clone();
                for (int i = 0; i < v.length; i++) {
                    int ch = i % in.c();
                    v[i] = (v[i] - mean[ch]) / Math.sqrt(variance[ch] + eps) * gamma[ch] + beta[ch];
                }
                return new Activation(in.h(), in.w(), in.c(), v, in.spatial());
            }
            case "ReLU": {
                double max = config.get("max_value").isNull() ? Double.POSITIVE_INFINITY : config.get("max_value").asDouble();
                double[] v = in.v().clone();
                for (int i = 0; i < v.length; i++) {
                    v[i] = Math.min(Math.max(v[i], 0), max);
                }
                return new Activation(in.h(), in.w(), in.c(), v, in.spatial());
            }
            case "ZeroPadding2D": {
                JsonNode p = config.get("padding");
                int top = p.get(0).get(0).asInt(), bottom = p.get(0).get(1).asInt(), left = p.get(1).get(0).asInt(), right = p.get(1).get(1).asInt();
                int h = in.h() + top + bottom, w = in.w() + left + right;
                double[] v = new double[h * w * in.c()];
                for (int y = 0; y < in.h(); y++) {
                    for (int x = 0; x < in.w(); x++) {
                        for (int ch = 0; ch < in.c(); ch++) {
                            v[((y + top) * w + x + left) * in.c() + ch] = in.at(y, x, ch);
                        }
                    }
                }
                return new Activation(h, w, in.c(), v, true);
            }
            case "Add": {
                double[] v = new double[in.v().length];
                for (String input : layer.inputs()) {
                    double[] term = values.get(input).v();
                    for (int i = 0; i < v.length; i++) {
                        v[i] += term[i];
                    }
                }
                return new Activation(in.h(), in.w(), in.c(), v, in.spatial());
            }
            case "AveragePooling2D": return pool(layer, in, true);
            case "MaxPooling2D": return pool(layer, in, false);
            case "GlobalAveragePooling2D": {
                double[] v = new double[in.c()];
                for (int i = 0; i < in.v().length; i++) {
                    v[i % in.c()] += in.v()[i] / (in.h() * in.w());
                }
                return new Activation(1, 1, in.c(), v, false);
            }
            case "Flatten": return new Activation(1, 1, in.v().length, in.v(), false);
            case "Dropout": return in;
            case "Dense": {
                float[] kernel = w(layer, "kernel"), bias = w(layer, "bias");
                int units = bias.length;
                double[] v = new double[units];
                for (int u = 0; u < units; u++) {
                    double sum = bias[u];
                    for (int i = 0; i < in.v().length; i++) {
                        sum += in.v()[i] * kernel[i * units + u];
                    }
                    v[u] = sum;
                }
                return activate(new Activation(1, 1, units, v, false), config.get("activation").asText());
            }
            default: throw new IllegalArgumentException("reference has no " + layer.className());
        }
    }

    private Activation convolution(KerasLayer layer, Activation in, boolean depthwise) {
        JsonNode config = layer.config();
        int k = config.get("kernel_size").get(0).asInt();
        int s = config.get("strides").get(0).asInt();
        int[] vertical = padding(config.get("padding").asText(), in.h(), k, s);
        int[] horizontal = padding(config.get("padding").asText(), in.w(), k, s);
        int outH = (in.h() + vertical[0] + vertical[1] - k) / s + 1;
        int outW = (in.w() + horizontal[0] + horizontal[1] - k) / s + 1;
        float[] kernel = w(layer, depthwise ? "depthwise_kernel" : "kernel");
        int multiplier = depthwise ? config.get("depth_multiplier").asInt() : 0;
        int outC = depthwise ? in.c() * multiplier : config.get("filters").asInt();
        float[] bias = config.get("use_bias").asBoolean() ? w(layer, "bias") : new float[outC];
        double[] v = new double[outH * outW * outC];
        for (int y = 0; y < outH; y++) {
            for (int x = 0; x < outW; x++) {
                for (int o = 0; o < outC; o++) {
                    double sum = bias[o];
                    for (int i = 0; i < k; i++) {
                        for (int j = 0; j < k; j++) {
                            int sy = y * s + i - vertical[0], sx = x * s + j - horizontal[0];
                            if (sy < 0 || sx < 0 || sy >= in.h() || sx >= in.w()) {
                                continue;
                            }
                            if (depthwise) {
                                int c = o / multiplier, m = o % multiplier;
                                sum += in.at(sy, sx, c) * kernel[((i * k + j) * in.c() + c) * multiplier + m];
                            } else {
                                for (int c = 0; c < in.c(); c++) {
                                    sum += in.at(sy, sx, c) * kernel[((i * k + j) * in.c() + c) * outC + o];
                                }
                            }
                        }
                    }
                    v[(y * outW + x) * outC + o] = sum;
                }
            }
        }
        return new Activation(outH, outW, outC, v, true);
    }

    private Activation pool(KerasLayer layer, Activation in, boolean average) {
        int k = layer.config().get("pool_size").get(0).asInt();
        int s = layer.config().get("strides").get(0).asInt();
        int[] vertical = padding(layer.config().get("padding").asText(), in.h(), k, s);
        int[] horizontal = padding(layer.config().get("padding").asText(), in.w(), k, s);
        int outH = (in.h() + vertical[0] + vertical[1] - k) / s + 1;
        int outW = (in.w() + horizontal[0] + horizontal[1] - k) / s + 1;
        double[] v = new double[outH * outW * in.c()];
        for (int y = 0; y < outH; y++) {
            for (int x = 0; x < outW; x++) {
                for (int c = 0; c < in.c(); c++) {
                    double sum = 0, max = Double.NEGATIVE_INFINITY;
                    int count = 0;
                    for (int i = 0; i < k; i++) {
                        for (int j = 0; j < k; j++) {
                            int sy = y * s + i - vertical[0], sx = x * s + j - horizontal[0];
                            if (sy >= 0 && sx >= 0 && sy < in.h() && sx < in.w()) {
                                sum += in.at(sy, sx, c);
                                max = Math.max(max, in.at(sy, sx, c));
                                count++;
                            }
                        }
                    }
                    v[(y * outW + x) * in.c() + c] = average ? sum / count : max;
                }
            }
        }
        return new Activation(outH, outW, in.c(), v, true);
    }

    /** TensorFlow's padding: "same" gives ceil(size / stride) outputs, the odd pixel going after. */
    private static int[] padding(String mode, int size, int kernel, int stride) {
        if (mode.equals("valid")) {
            return new int[] {0, 0};
        }
        int outputs = (size + stride - 1) / stride;
        int total = Math.max((outputs - 1) * stride + kernel - size, 0);
        return new int[] {total / 2, total - total / 2};
    }

    private static Activation activate(Activation a, String activation) {
        double[] v = a.v().clone();
        switch (activation) {
            case "linear": break;
            case "relu": for (int i = 0; i < v.length; i++) v[i] = Math.max(v[i], 0); break;
            case "relu6": for (int i = 0; i < v.length; i++) v[i] = Math.min(Math.max(v[i], 0), 6); break;
            case "sigmoid": for (int i = 0; i < v.length; i++) v[i] = 1 / (1 + Math.exp(-v[i])); break;
            case "tanh": for (int i = 0; i < v.length; i++) v[i] = Math.tanh(v[i]); break;
            case "softmax": {
                for (int start = 0; start < v.length; start += a.c()) {
                    double max = Double.NEGATIVE_INFINITY, sum = 0;
                    for (int i = start; i < start + a.c(); i++) max = Math.max(max, v[i]);
                    for (int i = start; i < start + a.c(); i++) sum += v[i] = Math.exp(v[i] - max);
                    for (int i = start; i < start + a.c(); i++) v[i] /= sum;
                }
                break;
            }
            default: throw new IllegalArgumentException(activation);
        }
        return new Activation(a.h(), a.w(), a.c(), v, a.spatial());
    }

    private float[] w(KerasLayer layer, String parameter) {
        return weights.get(layer.name() + "/" + parameter).data();
    }
}
