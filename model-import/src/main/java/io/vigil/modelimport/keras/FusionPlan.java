package io.vigil.modelimport.keras;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which layers disappear into a neighbouring convolution when converting:
 * <ul>
 *   <li>a ZeroPadding2D read only by one convolution becomes that convolution's {@code pads};</li>
 *   <li>a BatchNormalization reading a convolution with a linear activation that nothing else reads is folded into
 *       the convolution's weights and bias (inference-time batch norm is an affine map per channel).</li>
 * </ul>
 * Both are exact rewrites; they leave ONNX Runtime fewer nodes to run.
 */
public final class FusionPlan {

    private static final Set<String> CONVOLUTIONS = Set.of("Conv2D", "DepthwiseConv2D");

    private final Map<String, String> paddingAbsorbedBy = new HashMap<>();
    private final Map<String, String> batchNormFoldedInto = new HashMap<>();

    private FusionPlan() {}

    public static FusionPlan of(KerasModelGraph graph) {
        FusionPlan plan = new FusionPlan();
        for (KerasLayer layer : graph.layers()) {
            List<String> consumers = graph.consumers(layer.name());
            if (layer.className().equals("ZeroPadding2D") && consumers.size() == 1
                    && !consumers.get(0).equals(KerasModelGraph.GRAPH_OUTPUT)
                    && CONVOLUTIONS.contains(graph.layer(consumers.get(0)).className())) {
                plan.paddingAbsorbedBy.put(layer.name(), consumers.get(0));
            }
            if (layer.className().equals("BatchNormalization") && layer.inputs().size() == 1) {
                KerasLayer producer = graph.layer(layer.input());
                if (CONVOLUTIONS.contains(producer.className())
                        && graph.consumers(producer.name()).equals(List.of(layer.name()))
                        && producer.text("activation", "linear").equals("linear")
                        && isChannelAxis(layer)) {
                    plan.batchNormFoldedInto.put(layer.name(), producer.name());
                }
            }
        }
        return plan;
    }

    private static boolean isChannelAxis(KerasLayer batchNorm) {
        double axis = batchNorm.number("axis", -1);
        return axis == -1 || axis == 3;
    }

    public boolean isAbsorbedPadding(String layer) {
        return paddingAbsorbedBy.containsKey(layer);
    }

    public boolean isFoldedBatchNorm(String layer) {
        return batchNormFoldedInto.containsKey(layer);
    }

    /** The BatchNormalization folded into this convolution, if any. */
    public Optional<String> batchNormFoldedInto(String convolution) {
        return batchNormFoldedInto.entrySet().stream()
                .filter(entry -> entry.getValue().equals(convolution))
                .map(Map.Entry::getKey)
                .findFirst();
    }
}
