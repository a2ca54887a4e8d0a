package io.vigil.detector.nudity;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.vigil.detector.media.DecodeRequest;
import io.vigil.detector.media.DecodedImage;
import io.vigil.detector.media.ExifOrientation;

import java.awt.image.BufferedImage;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Scores images with an ONNX image classifier described by a {@link ModelDescriptor}: preprocessing as the model was
 * trained, inference in ONNX Runtime, then the model's classes mapped onto {@link NudityCategory Vigil's categories}.
 *
 * <p>Thread-safe: one instance (or several on the same model) can serve every stream thread; the underlying session
 * is created once per process ({@link SharedSessions}). Takes images already decoded by the shared
 * {@link io.vigil.detector.media.ImageDecoder} ({@link #classify(DecodedImage)}), so that each media item is decoded
 * once for hashing and classifying alike: decode with a request that includes {@link #DECODE_REQUEST}.
 */
public final class NudityClassifier implements AutoCloseable {

    /**
     * What the classifier needs from the shared decoder: colour, since a luminance-only decode would have the model
     * score a grey picture, and full size, since NSFWJS resizes the full image and parity was proven on it (a
     * point-subsampled decode is accepted, but its tensor is no longer NSFWJS's). Combine it with the other
     * consumers' requests ({@link DecodeRequest#and}) so that one decode serves them all.
     */
    public static final DecodeRequest DECODE_REQUEST = DecodeRequest.fullColour();

    /** An image as stored, and the EXIF orientation it is shown with (the classifier sees it upright). */
    public record Input(BufferedImage image, ExifOrientation orientation) {

        public Input {
            Objects.requireNonNull(image, "image");
            Objects.requireNonNull(orientation, "orientation");
        }

        /**
         * The first frame the shared decoder produced, turned as its EXIF orientation asks.
         *
         * @throws IllegalArgumentException if only its luminance was decoded (the request lacked
         *                                  {@link #DECODE_REQUEST})
         */
        public static Input of(DecodedImage decoded) {
            if (decoded.luminanceOnly()) {
                throw new IllegalArgumentException("the classifier needs colour, but this " + decoded.format()
                        + " was decoded as luminance only: include NudityClassifier.DECODE_REQUEST in the decode request");
            }
            return new Input(decoded.image(), decoded.orientation());
        }
    }

    private final ClassifierModel model;
    private final RuntimeOptions options;
    private final ImagePreprocessor preprocessor;
    private final SharedSessions.Lease lease;
    private final Map<NudityCategory, int[]> categoryClasses = new EnumMap<>(NudityCategory.class);
    private final Map<NudityCategory, Double> thresholds = new EnumMap<>(NudityCategory.class);
    private volatile boolean closed;

    private NudityClassifier(ClassifierModel model, RuntimeOptions options) {
        this.model = model;
        this.options = options;
        this.preprocessor = new ImagePreprocessor(model.descriptor().input());
        List<String> classes = model.descriptor().output().classes();
        model.descriptor().categoryRules().forEach((category, rule) -> {
            categoryClasses.put(category, rule.classes().stream().mapToInt(classes::indexOf).toArray());
            thresholds.put(category, rule.threshold());
        });
        this.lease = SharedSessions.acquire(model, options);
    }

    public static NudityClassifier open(ClassifierModel model, RuntimeOptions options) {
        return new NudityClassifier(model, options);
    }

    /** The default model (NSFWJS MobileNetV2 from vigil-models). */
    public static NudityClassifier openDefault(RuntimeOptions options) {
        return open(ClassifierModel.defaultModel(), options);
    }

    public String modelId() {
        return model.id();
    }

    public ModelDescriptor descriptor() {
        return model.descriptor();
    }

    /** The provider the session really runs on (CPU when CUDA was asked for but is unavailable). */
    public ExecutionProvider executionProvider() {
        return lease.provider();
    }

    public ImagePreprocessor preprocessor() {
        return preprocessor;
    }

    /**
     * Scores one image from the shared decoder (see {@link Input#of} for what it must hold). Several images of one
     * message go faster together through {@link #classifyAll}.
     */
    public NudityScores classify(DecodedImage decoded) {
        return classifyAll(List.of(Input.of(decoded))).get(0);
    }

    /** Scores one image as stored, shown with {@code orientation}. */
    public NudityScores classify(BufferedImage image, ExifOrientation orientation) {
        return classifyAll(List.of(new Input(image, orientation))).get(0);
    }

    /** Classifies images in batches of at most {@link RuntimeOptions#maxBatchSize()}; results in input order. */
    public List<NudityScores> classifyAll(List<Input> images) {
        List<NudityScores> results = new ArrayList<>(images.size());
        int perImage = preprocessor.valuesPerImage();
        for (int start = 0; start < images.size(); start += options.maxBatchSize()) {
            int count = Math.min(options.maxBatchSize(), images.size() - start);
            float[] batch = new float[count * perImage];
            for (int i = 0; i < count; i++) {
                Input input = images.get(start + i);
                preprocessor.preprocess(input.image(), input.orientation(), batch, i * perImage);
            }
            results.addAll(score(batch, count));
        }
        return results;
    }

    /** Inference alone on tensors from {@link #preprocessor()} (batch of {@code count}, back to back); scored. */
    public List<NudityScores> score(float[] batch, int count) {
        float[][] probabilities = infer(batch, count);
        List<NudityScores> scores = new ArrayList<>(count);
        for (float[] row : probabilities) {
            scores.add(toScores(row));
        }
        return scores;
    }

    /** Class probabilities (output activation applied) for {@code count} preprocessed images. */
    public float[][] infer(float[] batch, int count) {
        if (closed) {
            throw new IllegalStateException("classifier for " + modelId() + " is closed");
        }
        if (batch.length != count * preprocessor.valuesPerImage()) {
            throw new IllegalArgumentException("expected " + count + " x " + preprocessor.valuesPerImage() + " values, got " + batch.length);
        }
        int classes = model.descriptor().output().classes().size();
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OnnxTensor tensor = OnnxTensor.createTensor(env, FloatBuffer.wrap(batch), preprocessor.shape(count));
             OrtSession.Result result = lease.session().run(Map.of(model.descriptor().input().name(), tensor),
                     Set.of(model.descriptor().output().name()))) {
            FloatBuffer output = ((OnnxTensor) result.get(0)).getFloatBuffer();
            if (output.remaining() != count * classes) {
                throw new IllegalStateException("model " + modelId() + " returned " + output.remaining() + " values for "
                        + count + " images of " + classes + " classes");
            }
            float[][] rows = new float[count][classes];
            for (float[] row : rows) {
                output.get(row);
                activate(row);
            }
            return rows;
        } catch (OrtException e) {
            throw new IllegalStateException("inference with " + modelId() + " failed: " + e.getMessage(), e);
        }
    }

    private void activate(float[] row) {
        switch (model.descriptor().output().activation()) {
            case SOFTMAX: {
                double max = Double.NEGATIVE_INFINITY;
                for (float v : row) {
                    max = Math.max(max, v);
                }
                double sum = 0;
                double[] exp = new double[row.length];
                for (int i = 0; i < row.length; i++) {
                    exp[i] = Math.exp(row[i] - max);
                    sum += exp[i];
                }
                for (int i = 0; i < row.length; i++) {
                    row[i] = (float) (exp[i] / sum);
                }
                break;
            }
            case SIGMOID:
                for (int i = 0; i < row.length; i++) {
                    row[i] = (float) (1 / (1 + Math.exp(-row[i])));
                }
                break;
            default:
                break;
        }
    }

    private NudityScores toScores(float[] probabilities) {
        List<String> classes = model.descriptor().output().classes();
        Map<String, Float> classScores = new LinkedHashMap<>();
        for (int i = 0; i < classes.size(); i++) {
            classScores.put(classes.get(i), probabilities[i]);
        }
        Map<NudityCategory, Float> categoryScores = new EnumMap<>(NudityCategory.class);
        Set<NudityCategory> flagged = EnumSet.noneOf(NudityCategory.class);
        categoryClasses.forEach((category, indices) -> {
            double sum = 0;
            for (int index : indices) {
                sum += probabilities[index];
            }
            float score = (float) Math.min(1.0, sum);
            categoryScores.put(category, score);
            if (score >= thresholds.get(category)) {
                flagged.add(category);
            }
        });
        return new NudityScores(modelId(), classScores, categoryScores, flagged);
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            lease.release().run();
        }
    }
}
