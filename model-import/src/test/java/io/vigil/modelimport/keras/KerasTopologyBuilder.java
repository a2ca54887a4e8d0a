package io.vigil.modelimport.keras;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.modelimport.FloatTensor;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * Writes small Keras 2 functional topologies as TF.js stores them (model_config JSON) together with seeded
 * random weights of the right shapes, for importer tests.
 */
public final class KerasTopologyBuilder {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ArrayNode layers = JSON.createArrayNode();
    private final Map<String, FloatTensor> weights = new LinkedHashMap<>();
    private final Map<String, Integer> channels = new LinkedHashMap<>();
    private final Random random;
    private String inputName;

    public KerasTopologyBuilder(long seed) {
        this.random = new Random(seed);
    }

    public KerasTopologyBuilder input(String name, int height, int width, int depth) {
        ObjectNode config = JSON.createObjectNode();
        config.set("batch_input_shape", JSON.valueToTree(new Object[] {null, height, width, depth}));
        config.put("dtype", "float32");
        layer("InputLayer", name, config);
        channels.put(name, depth);
        inputName = name;
        return this;
    }

    public KerasTopologyBuilder conv(String name, String input, int filters, int kernel, int stride, String padding,
                                     boolean useBias, String activation) {
        ObjectNode config = spatialConfig(kernel, stride, padding, useBias, activation);
        config.put("filters", filters);
        layer("Conv2D", name, config, input);
        weights.put(name + "/kernel", randomTensor(0.4, kernel, kernel, channels.get(input), filters));
        if (useBias) {
            weights.put(name + "/bias", randomTensor(0.2, filters));
        }
        channels.put(name, filters);
        return this;
    }

    public KerasTopologyBuilder depthwise(String name, String input, int kernel, int stride, String padding,
                                          int multiplier, boolean useBias) {
        ObjectNode config = spatialConfig(kernel, stride, padding, useBias, "linear");
        config.put("depth_multiplier", multiplier);
        layer("DepthwiseConv2D", name, config, input);
        int in = channels.get(input);
        weights.put(name + "/depthwise_kernel", randomTensor(0.5, kernel, kernel, in, multiplier));
        if (useBias) {
            weights.put(name + "/bias", randomTensor(0.2, in * multiplier));
        }
        channels.put(name, in * multiplier);
        return this;
    }

    public KerasTopologyBuilder batchNorm(String name, String input) {
        ObjectNode config = JSON.createObjectNode();
        config.put("axis", -1).put("momentum", 0.999).put("epsilon", 0.001).put("center", true).put("scale", true);
        layer("BatchNormalization", name, config, input);
        int c = channels.get(input);
        weights.put(name + "/gamma", shifted(randomTensor(0.3, c), 1.0f));
        weights.put(name + "/beta", randomTensor(0.3, c));
        weights.put(name + "/moving_mean", randomTensor(0.3, c));
        FloatTensor variance = randomTensor(0.2, c);
        for (int i = 0; i < c; i++) {
            variance.data()[i] = Math.abs(variance.data()[i]) + 0.05f;
        }
        weights.put(name + "/moving_variance", variance);
        channels.put(name, c);
        return this;
    }

    public KerasTopologyBuilder relu(String name, String input, Double maxValue) {
        ObjectNode config = JSON.createObjectNode();
        if (maxValue == null) {
            config.putNull("max_value");
        } else {
            config.put("max_value", maxValue);
        }
        config.put("negative_slope", 0).put("threshold", 0);
        return passThrough("ReLU", name, config, input);
    }

    public KerasTopologyBuilder zeroPadding(String name, String input, int top, int bottom, int left, int right) {
        ObjectNode config = JSON.createObjectNode();
        config.set("padding", JSON.valueToTree(new int[][] {{top, bottom}, {left, right}}));
        config.put("data_format", "channels_last");
        return passThrough("ZeroPadding2D", name, config, input);
    }

    public KerasTopologyBuilder add(String name, String... inputs) {
        layer("Add", name, JSON.createObjectNode(), inputs);
        channels.put(name, channels.get(inputs[0]));
        return this;
    }

    public KerasTopologyBuilder pooling(String className, String name, String input, int pool, int stride, String padding) {
        ObjectNode config = JSON.createObjectNode();
        config.set("pool_size", JSON.valueToTree(new int[] {pool, pool}));
        config.set("strides", JSON.valueToTree(new int[] {stride, stride}));
        config.put("padding", padding).put("data_format", "channels_last");
        return passThrough(className, name, config, input);
    }

    public KerasTopologyBuilder globalAveragePooling(String name, String input) {
        return passThrough("GlobalAveragePooling2D", name, JSON.createObjectNode().put("data_format", "channels_last"), input);
    }

    public KerasTopologyBuilder flatten(String name, String input) {
        return passThrough("Flatten", name, JSON.createObjectNode().put("data_format", "channels_last"), input);
    }

    public KerasTopologyBuilder dropout(String name, String input) {
        return passThrough("Dropout", name, JSON.createObjectNode().put("rate", 0.5), input);
    }

    public KerasTopologyBuilder dense(String name, String input, int inputFeatures, int units, String activation) {
        ObjectNode config = JSON.createObjectNode();
        config.put("units", units).put("activation", activation).put("use_bias", true);
        layer("Dense", name, config, input);
        weights.put(name + "/kernel", randomTensor(0.3, inputFeatures, units));
        weights.put(name + "/bias", randomTensor(0.1, units));
        channels.put(name, units);
        return this;
    }

    /** Adds a layer of any class with the given config, for error-path tests. */
    public KerasTopologyBuilder layer(String className, String name, ObjectNode config, String... inputs) {
        ObjectNode layer = JSON.createObjectNode();
        layer.put("name", name).put("class_name", className);
        config.put("name", name);
        layer.set("config", config);
        ArrayNode inbound = JSON.createArrayNode();
        if (inputs.length > 0) {
            ArrayNode call = inbound.addArray();
            for (String input : inputs) {
                call.addArray().add(input).add(0).add(0).addObject();
            }
        }
        layer.set("inbound_nodes", inbound);
        layers.add(layer);
        return this;
    }

    public Map<String, FloatTensor> weights() {
        return weights;
    }

    /** The model_config for a single-input, single-output functional model ending at {@code output}. */
    public JsonNode modelConfig(String output) {
        ObjectNode config = JSON.createObjectNode();
        config.put("name", "test_model");
        config.set("layers", layers);
        config.set("input_layers", JSON.valueToTree(new Object[][] {{inputName, 0, 0}}));
        config.set("output_layers", JSON.valueToTree(new Object[][] {{output, 0, 0}}));
        ObjectNode model = JSON.createObjectNode();
        model.put("class_name", "Model");
        model.set("config", config);
        return model;
    }

    public KerasModelGraph graph(String output) {
        return KerasModelGraph.fromModelConfig(modelConfig(output));
    }

    public FloatTensor randomTensor(double scale, int... shape) {
        float[] data = new float[(int) FloatTensor.sizeOf(shape)];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) (random.nextGaussian() * scale);
        }
        return new FloatTensor(shape, data);
    }

    private KerasTopologyBuilder passThrough(String className, String name, ObjectNode config, String input) {
        layer(className, name, config, input);
        channels.put(name, channels.get(input));
        return this;
    }

    private static ObjectNode spatialConfig(int kernel, int stride, String padding, boolean useBias, String activation) {
        ObjectNode config = JSON.createObjectNode();
        config.set("kernel_size", JSON.valueToTree(new int[] {kernel, kernel}));
        config.set("strides", JSON.valueToTree(new int[] {stride, stride}));
        config.set("dilation_rate", JSON.valueToTree(new int[] {1, 1}));
        config.put("padding", padding).put("data_format", "channels_last").put("activation", activation).put("use_bias", useBias);
        return config;
    }

    private static FloatTensor shifted(FloatTensor tensor, float offset) {
        for (int i = 0; i < tensor.size(); i++) {
            tensor.data()[i] += offset;
        }
        return tensor;
    }
}
