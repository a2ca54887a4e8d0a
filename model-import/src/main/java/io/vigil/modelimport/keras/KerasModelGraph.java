package io.vigil.modelimport.keras;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.modelimport.tfjs.TfjsJson;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The layer graph of a Keras model ({@code model_config}): layers in definition order, which Keras guarantees is
 * a topological order, with the graph's input and output layers and, for each layer, who consumes its output.
 * Functional models ("Model"/"Functional") and plain Sequential stacks are read; shared layers (one layer called
 * on several inputs) are rejected because every layer here has exactly one output.
 */
public final class KerasModelGraph {

    /** Pseudo-consumer recorded for graph outputs, so that a fusion never removes an output tensor. */
    public static final String GRAPH_OUTPUT = "<graph output>";

    private final Map<String, KerasLayer> layers;
    private final List<String> inputs;
    private final List<String> outputs;
    private final Map<String, List<String>> consumers = new LinkedHashMap<>();

    public KerasModelGraph(List<KerasLayer> layerList, List<String> inputs, List<String> outputs) {
        this.layers = new LinkedHashMap<>();
        for (KerasLayer layer : layerList) {
            if (layers.put(layer.name(), layer) != null) {
                throw new IllegalArgumentException("two layers are named '" + layer.name() + "'");
            }
            consumers.put(layer.name(), new ArrayList<>());
            for (String input : layer.inputs()) {
                if (!consumers.containsKey(input)) {
                    throw new IllegalArgumentException(layer + " reads '" + input + "', which is not defined before it");
                }
                consumers.get(input).add(layer.name());
            }
        }
        this.inputs = List.copyOf(inputs);
        this.outputs = List.copyOf(outputs);
        for (String input : inputs) {
            if (!"InputLayer".equals(layer(input).className())) {
                throw new IllegalArgumentException("graph input '" + input + "' is not an InputLayer");
            }
        }
        for (String output : outputs) {
            layer(output);
            consumers.get(output).add(GRAPH_OUTPUT);
        }
    }

    public static KerasModelGraph fromModelConfig(JsonNode modelConfig) {
        String className = TfjsJson.requiredText(modelConfig, "class_name", "model_config");
        JsonNode config = TfjsJson.required(modelConfig, "config", "model_config");
        switch (className) {
            case "Model":
            case "Functional":
                return functional(config);
            case "Sequential":
                return sequential(config);
            default:
                throw new IllegalArgumentException("unsupported Keras model class '" + className
                        + "' (supported: Model, Functional, Sequential)");
        }
    }

    private static KerasModelGraph functional(JsonNode config) {
        List<KerasLayer> layerList = new ArrayList<>();
        for (JsonNode layer : TfjsJson.required(config, "layers", "model config")) {
            String name = TfjsJson.requiredText(layer, "name", "layer");
            String className = TfjsJson.requiredText(layer, "class_name", "layer " + name);
            layerList.add(new KerasLayer(name, className, layer.get("config"), inboundLayers(name, layer.get("inbound_nodes"))));
        }
        return new KerasModelGraph(layerList, endpointNames(config, "input_layers"), endpointNames(config, "output_layers"));
    }

    /** Keras 2 writes inbound_nodes as [[[layerName, nodeIndex, tensorIndex, kwargs], ...]]: one entry per call. */
    private static List<String> inboundLayers(String layerName, JsonNode inboundNodes) {
        if (inboundNodes == null || inboundNodes.isEmpty()) {
            return List.of();
        }
        if (inboundNodes.size() > 1) {
            throw new IllegalArgumentException("layer '" + layerName + "' is called " + inboundNodes.size()
                    + " times (a shared layer); the importer needs each layer called once");
        }
        List<String> inputs = new ArrayList<>();
        for (JsonNode tensor : inboundNodes.get(0)) {
            if (!tensor.isArray() || tensor.size() < 3 || !tensor.get(0).isTextual()) {
                throw new IllegalArgumentException("layer '" + layerName + "': unsupported inbound node format " + tensor
                        + " (expected Keras 2 [layerName, nodeIndex, tensorIndex, kwargs])");
            }
            if (tensor.get(1).asInt() != 0 || tensor.get(2).asInt() != 0) {
                throw new IllegalArgumentException("layer '" + layerName + "' reads output " + tensor.get(2) + " of call "
                        + tensor.get(1) + " of '" + tensor.get(0).asText() + "'; only single-output, single-call layers are supported");
            }
            inputs.add(tensor.get(0).asText());
        }
        return inputs;
    }

    private static List<String> endpointNames(JsonNode config, String field) {
        List<String> names = new ArrayList<>();
        for (JsonNode endpoint : TfjsJson.required(config, field, "model config")) {
            names.add(endpoint.get(0).asText());
        }
        return names;
    }

    /** A Sequential stack: each layer reads the previous one; the first layer's batch_input_shape becomes an InputLayer. */
    private static KerasModelGraph sequential(JsonNode config) {
        JsonNode layerNodes = config.isArray() ? config : TfjsJson.required(config, "layers", "Sequential config");
        List<KerasLayer> layerList = new ArrayList<>();
        String previous = null;
        for (JsonNode layer : layerNodes) {
            String className = TfjsJson.requiredText(layer, "class_name", "layer");
            JsonNode layerConfig = TfjsJson.required(layer, "config", "Sequential layer");
            String name = TfjsJson.requiredText(layerConfig, "name", className + " layer");
            if (previous == null && !"InputLayer".equals(className)) {
                ObjectNode inputConfig = JsonNodeFactory.instance.objectNode();
                inputConfig.set("batch_input_shape", TfjsJson.required(layerConfig, "batch_input_shape",
                        "first layer '" + name + "' of a Sequential model"));
                previous = name + "_input";
                layerList.add(new KerasLayer(previous, "InputLayer", inputConfig, List.of()));
            }
            layerList.add(new KerasLayer(name, className, layerConfig, previous == null ? List.of() : List.of(previous)));
            previous = name;
        }
        if (layerList.isEmpty()) {
            throw new IllegalArgumentException("Sequential model has no layers");
        }
        return new KerasModelGraph(layerList, List.of(layerList.get(0).name()), List.of(previous));
    }

    public KerasLayer layer(String name) {
        KerasLayer layer = layers.get(name);
        if (layer == null) {
            throw new IllegalArgumentException("no layer named '" + name + "'");
        }
        return layer;
    }

    public List<KerasLayer> layers() {
        return List.copyOf(layers.values());
    }

    public List<String> inputs() {
        return inputs;
    }

    public List<String> outputs() {
        return outputs;
    }

    /** Layers (or {@link #GRAPH_OUTPUT}) that read this layer's output. */
    public List<String> consumers(String layerName) {
        return Collections.unmodifiableList(consumers.get(layerName));
    }
}
