package io.vigil.modelimport.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import io.vigil.modelimport.FloatTensor;
import shade.com.google.protobuf.ByteString;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds an ONNX model with the generated ONNX protobuf classes: float initializers, nodes with typed
 * attributes, and graph inputs/outputs whose dimensions are fixed sizes or symbolic names.
 * Names are checked for uniqueness as they are added, so a converter bug shows up here rather than in ONNX Runtime.
 */
public final class OnnxGraphBuilder {

    /**
     * ONNX IR version 8 (ONNX 1.10): every ONNX Runtime since 1.10 reads it, and it covers opset 13,
     * the opset the importer targets (Softmax over one axis, Clip with min/max as inputs, Pad with pads as input).
     */
    public static final long IR_VERSION = 8;
    public static final long OPSET = 13;

    private final GraphProto.Builder graph = GraphProto.newBuilder();
    private final Set<String> producedNames = new HashSet<>();
    private final Map<Float, String> scalarConstants = new LinkedHashMap<>();
    private int anonymousNodes;

    public OnnxGraphBuilder(String graphName) {
        graph.setName(graphName);
    }

    /** Adds a float initializer and returns its name. */
    public String initializer(String name, FloatTensor tensor) {
        claim(name);
        ByteBuffer raw = ByteBuffer.allocate(tensor.size() * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        raw.asFloatBuffer().put(tensor.data());
        TensorProto.Builder proto = TensorProto.newBuilder()
                .setName(name)
                .setDataType(TensorProto.DataType.FLOAT_VALUE)
                .setRawData(ByteString.copyFrom(raw.array()));
        for (int dim : tensor.shape()) {
            proto.addDims(dim);
        }
        graph.addInitializer(proto);
        return name;
    }

    /** Adds an int64 initializer (shapes, pads) and returns its name. */
    public String int64Initializer(String name, long... values) {
        claim(name);
        ByteBuffer raw = ByteBuffer.allocate(values.length * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        raw.asLongBuffer().put(values);
        graph.addInitializer(TensorProto.newBuilder()
                .setName(name)
                .setDataType(TensorProto.DataType.INT64_VALUE)
                .addDims(values.length)
                .setRawData(ByteString.copyFrom(raw.array())));
        return name;
    }

    /** A float scalar initializer, shared by every node that needs the same value. */
    public String scalar(float value) {
        return scalarConstants.computeIfAbsent(value, v -> initializer("const/" + v, new FloatTensor(new int[0], new float[] {v})));
    }

    public NodeBuilder node(String opType) {
        return new NodeBuilder(opType);
    }

    /** Declares a float graph input; each dimension is an Integer (fixed) or a String (symbolic, e.g. the batch size). */
    public void input(String name, Object... dims) {
        claim(name);
        graph.addInput(valueInfo(name, dims));
    }

    /** Declares a float graph output, produced by some node. */
    public void output(String name, Object... dims) {
        if (!producedNames.contains(name)) {
            throw new IllegalStateException("graph output " + name + " is produced by no node");
        }
        graph.addOutput(valueInfo(name, dims));
    }

    public ModelProto build(String producerName, String producerVersion, String docString, Map<String, String> metadata) {
        ModelProto.Builder model = ModelProto.newBuilder()
                .setIrVersion(IR_VERSION)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                .setProducerName(producerName)
                .setProducerVersion(producerVersion)
                .setDocString(docString)
                .setGraph(graph);
        metadata.forEach((key, value) -> model.addMetadataProps(StringStringEntryProto.newBuilder().setKey(key).setValue(value)));
        return model.build();
    }

    private void claim(String name) {
        if (!producedNames.add(name)) {
            throw new IllegalStateException("ONNX name used twice: " + name);
        }
    }

    private static ValueInfoProto valueInfo(String name, Object... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (Object dim : dims) {
            if (dim instanceof Integer size) {
                shape.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(size));
            } else if (dim instanceof String symbol) {
                shape.addDim(TensorShapeProto.Dimension.newBuilder().setDimParam(symbol));
            } else {
                throw new IllegalArgumentException("dimension must be Integer or String: " + dim);
            }
        }
        return ValueInfoProto.newBuilder()
                .setName(name)
                .setType(TypeProto.newBuilder().setTensorType(TypeProto.Tensor.newBuilder()
                        .setElemType(TensorProto.DataType.FLOAT_VALUE)
                        .setShape(shape)))
                .build();
    }

    /** One node being described; {@link #add()} puts it in the graph and returns its (first) output. */
    public final class NodeBuilder {
        private final NodeProto.Builder node = NodeProto.newBuilder();

        private NodeBuilder(String opType) {
            node.setOpType(opType);
        }

        public NodeBuilder name(String name) {
            node.setName(name);
            return this;
        }

        public NodeBuilder inputs(String... names) {
            for (String name : names) {
                node.addInput(name);
            }
            return this;
        }

        public NodeBuilder inputs(List<String> names) {
            names.forEach(node::addInput);
            return this;
        }

        public NodeBuilder output(String name) {
            node.addOutput(name);
            return this;
        }

        public NodeBuilder attr(String name, long value) {
            node.addAttribute(AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(value));
            return this;
        }

        public NodeBuilder attr(String name, float value) {
            node.addAttribute(AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.FLOAT).setF(value));
            return this;
        }

        public NodeBuilder attr(String name, String value) {
            node.addAttribute(AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.STRING)
                    .setS(ByteString.copyFromUtf8(value)));
            return this;
        }

        public NodeBuilder attr(String name, long... values) {
            AttributeProto.Builder attribute = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
            for (long value : values) {
                attribute.addInts(value);
            }
            node.addAttribute(attribute);
            return this;
        }

        public String add() {
            if (node.getOutputCount() == 0) {
                throw new IllegalStateException(node.getOpType() + " node has no output");
            }
            if (node.getName().isEmpty()) {
                node.setName(node.getOpType() + "_" + anonymousNodes++);
            }
            for (String input : node.getInputList()) {
                if (!input.isEmpty() && !producedNames.contains(input)) {
                    throw new IllegalStateException(node.getName() + " reads " + input + ", which nothing produced before it");
                }
            }
            for (String output : node.getOutputList()) {
                claim(output);
            }
            graph.addNode(node);
            return node.getOutput(0);
        }
    }
}
