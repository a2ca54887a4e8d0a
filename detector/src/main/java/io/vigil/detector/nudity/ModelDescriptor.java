package io.vigil.detector.nudity;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What Vigil needs to know to run an image classifier it has never seen: the ONNX file, how the model wants its
 * input tensor (name, layout, size, colour order, normalisation, resize), what its output classes are, and how
 * those classes map onto {@link NudityCategory Vigil's categories} with a threshold each. Read from YAML by
 * {@link ClassifierModel}; {@link #problems()} lists everything wrong with it at once.
 *
 * @param id         the model id reported with every score (e.g. {@code nsfwjs-mobilenet-v2@4.4.0})
 * @param onnx       the ONNX file, relative to the descriptor
 * @param categories category key (see {@link NudityCategory#key()}) to the classes that make it up
 */
public record ModelDescriptor(String id, String onnx, Input input, Output output, Map<String, CategoryRule> categories) {

    /** Largest side accepted for a model input; far above any image classifier, low enough to catch typos. */
    static final int MAX_INPUT_SIDE = 4096;

    public enum Layout { NCHW, NHWC }

    public enum ColorOrder { RGB, BGR }

    public enum Resize {
        /** TensorFlow's resize_bilinear with align_corners=true: corner pixels map onto corner pixels (NSFWJS). */
        BILINEAR_ALIGN_CORNERS,
        /** Bilinear with half-pixel centres (align_corners=false, no antialiasing), as PyTorch/Caffe-era models use. */
        BILINEAR_HALF_PIXEL
    }

    public enum Fit {
        /** Resize the whole image to the input size, ignoring aspect ratio (NSFWJS). */
        STRETCH,
        /** Resize the largest centred region with the input's aspect ratio. */
        CENTER_CROP
    }

    /** What the model's output holds: probabilities already, or scores to pass through softmax or sigmoid. */
    public enum OutputActivation { NONE, SOFTMAX, SIGMOID }

    /**
     * The input tensor. Each value is {@code (pixel * scale - mean[c]) / std[c]}, where {@code pixel} is the 0..255
     * sample of channel {@code c} in {@code colorOrder}; one value in mean/std applies to every channel.
     */
    public record Input(String name, Layout layout, int width, int height, ColorOrder colorOrder,
                        Double scale, List<Double> mean, List<Double> std, Resize resize, Fit fit) {
        public Input {
            scale = scale == null ? 1.0 : scale;
            mean = mean == null ? List.of(0.0) : List.copyOf(mean);
            std = std == null ? List.of(1.0) : List.copyOf(std);
            fit = fit == null ? Fit.STRETCH : fit;
        }

        /** Mean of channel {@code c} (in model colour order). */
        public double meanOf(int channel) {
            return mean.size() == 1 ? mean.get(0) : mean.get(channel);
        }

        public double stdOf(int channel) {
            return std.size() == 1 ? std.get(0) : std.get(channel);
        }
    }

    public record Output(String name, OutputActivation activation, List<String> classes) {
        public Output {
            activation = activation == null ? OutputActivation.NONE : activation;
            classes = classes == null ? null : List.copyOf(classes);
        }
    }

    /** A category's score is the sum of its classes' probabilities; at or above {@code threshold} it is flagged. */
    public record CategoryRule(List<String> classes, Double threshold) {
        public CategoryRule {
            classes = classes == null ? null : List.copyOf(classes);
        }
    }

    /** Everything that makes this descriptor unusable, as messages naming the field; empty when it is valid. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (blank(id)) {
            problems.add("id is required (it is reported with every score)");
        }
        if (blank(onnx)) {
            problems.add("onnx is required (the model file, relative to the descriptor)");
        }
        if (input == null) {
            problems.add("input is required");
        } else {
            inputProblems(problems);
        }
        Set<String> classes = new HashSet<>();
        if (output == null) {
            problems.add("output is required");
        } else {
            if (blank(output.name())) {
                problems.add("output.name is required (the ONNX output holding class scores)");
            }
            if (output.classes() == null || output.classes().isEmpty()) {
                problems.add("output.classes must list the model's classes in output order");
            } else {
                for (String name : output.classes()) {
                    if (blank(name)) {
                        problems.add("output.classes has a blank class name");
                    } else if (!classes.add(name)) {
                        problems.add("output.classes names '" + name + "' twice");
                    }
                }
            }
        }
        categoryProblems(problems, classes);
        return problems;
    }

    private void inputProblems(List<String> problems) {
        if (blank(input.name())) {
            problems.add("input.name is required (the ONNX input to feed)");
        }
        if (input.layout() == null) {
            problems.add("input.layout is required (NCHW or NHWC)");
        }
        if (input.colorOrder() == null) {
            problems.add("input.colorOrder is required (RGB or BGR)");
        }
        if (input.resize() == null) {
            problems.add("input.resize is required (BILINEAR_ALIGN_CORNERS or BILINEAR_HALF_PIXEL)");
        }
        if (input.width() < 1 || input.width() > MAX_INPUT_SIDE) {
            problems.add("input.width must be between 1 and " + MAX_INPUT_SIDE + ", got " + input.width());
        }
        if (input.height() < 1 || input.height() > MAX_INPUT_SIDE) {
            problems.add("input.height must be between 1 and " + MAX_INPUT_SIDE + ", got " + input.height());
        }
        if (!(input.scale() > 0) || input.scale().isInfinite()) {
            problems.add("input.scale must be a positive number, got " + input.scale());
        }
        if (input.mean().size() != 1 && input.mean().size() != 3) {
            problems.add("input.mean needs 1 or 3 values, got " + input.mean().size());
        }
        if (input.std().size() != 1 && input.std().size() != 3) {
            problems.add("input.std needs 1 or 3 values, got " + input.std().size());
        }
        for (Double value : input.mean()) {
            if (value == null || !Double.isFinite(value)) {
                problems.add("input.mean values must be finite numbers, got " + value);
            }
        }
        for (Double value : input.std()) {
            if (value == null || !(value > 0) || value.isInfinite()) {
                problems.add("input.std values must be positive numbers, got " + value);
            }
        }
    }

    private void categoryProblems(List<String> problems, Set<String> classes) {
        if (categories == null || categories.isEmpty()) {
            problems.add("categories must map at least explicit_nudity to the model's classes");
            return;
        }
        for (Map.Entry<String, CategoryRule> entry : categories.entrySet()) {
            String where = "categories." + entry.getKey();
            try {
                NudityCategory.fromKey(entry.getKey());
            } catch (IllegalArgumentException e) {
                problems.add(where + ": " + e.getMessage());
            }
            CategoryRule rule = entry.getValue();
            if (rule == null || rule.classes() == null || rule.classes().isEmpty()) {
                problems.add(where + ".classes must list at least one output class");
            } else {
                for (String name : rule.classes()) {
                    if (!classes.isEmpty() && !classes.contains(name)) {
                        problems.add(where + ".classes names '" + name + "', which is not in output.classes " + output.classes());
                    }
                }
            }
            if (rule == null || rule.threshold() == null || !(rule.threshold() >= 0 && rule.threshold() <= 1)) {
                problems.add(where + ".threshold must be between 0 and 1, got " + (rule == null ? null : rule.threshold()));
            }
        }
        if (!categories.containsKey(NudityCategory.EXPLICIT_NUDITY.key())) {
            problems.add("categories.explicit_nudity is required: it is the nudity score Vigil reports");
        }
    }

    /** The category rules keyed by category, in the enum's order; call on a valid descriptor. */
    public Map<NudityCategory, CategoryRule> categoryRules() {
        Map<NudityCategory, CategoryRule> rules = new LinkedHashMap<>();
        for (NudityCategory category : NudityCategory.values()) {
            CategoryRule rule = categories.get(category.key());
            if (rule != null) {
                rules.put(category, rule);
            }
        }
        return rules;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
