package io.vigil.standalone.commands;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.detector.media.DecodeLimits;
import io.vigil.detector.media.ImageDecoder;
import io.vigil.detector.nudity.ClassifierModel;
import io.vigil.detector.nudity.ExecutionProvider;
import io.vigil.detector.nudity.InvalidModelException;
import io.vigil.detector.nudity.NudityClassifier;
import io.vigil.detector.nudity.NudityScores;
import io.vigil.detector.nudity.RuntimeOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The nudity classifier on files: one JSON line per image on standard output, one {@code ERROR} line per failure on
 * standard error. Files are decoded as the detector decodes media (the shared {@link ImageDecoder} with the
 * classifier's request; the first frame of an animation) and scored one at a time.
 */
@Command(name = "classify", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Score images with the nudity classifier. One line per file on standard output:",
                "  {\"path\": ..., \"model\": ..., \"scores\": {CLASS: p, ...}, \"nudity\": p}",
                "scores: the model's classes in its order (the default model's: drawing, hentai,",
                "neutral, porn, sexy); nudity: the explicit-nudity probability as the model's",
                "descriptor maps it. A file that cannot be read or decoded gets",
                "  ERROR<TAB>code: reason<TAB>path",
                "on standard error, and the rest go on. Animations: the first frame is scored."},
        exitCodeListHeading = "Exit status:%n",
        exitCodeList = {"0:every file scored", "1:some file could not be read or decoded", "2:bad options or model"})
public final class ClassifyCommand implements Callable<Integer> {

    /**
     * JSON lines laid out as the contract writes them ({@code {"path": "a.jpg", "model": ...}}), ASCII only, so a
     * path in any script survives any terminal encoding.
     */
    private static final ObjectWriter JSON_LINE = JsonMapper.builder()
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .build()
            .writer(new DefaultPrettyPrinter()
                    .withObjectIndenter(new DefaultPrettyPrinter.NopIndenter())
                    .withSeparators(Separators.createDefaultInstance()
                            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                            .withObjectEntrySpacing(Separators.Spacing.AFTER)));

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Images: JPEG, PNG, GIF, WebP or BMP.")
    List<Path> files;

    @Option(names = "--model", paramLabel = "DESCRIPTOR.yaml",
            description = "A model descriptor (the ONNX file beside it); default: the bundled NSFWJS MobileNetV2.")
    Path model;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
            description = "ONNX Runtime intra-op threads; 0: its own choice, one per core (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--provider", paramLabel = "cpu|cuda", defaultValue = "cpu",
            description = "Execution provider; cuda needs ONNX Runtime's GPU build and falls back to the CPU, saying so "
                    + "(default: ${DEFAULT-VALUE}).")
    ExecutionProvider provider;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (threads < 0) {
            err.println("vigil classify: --threads must be 0 (ONNX Runtime's choice) or more, got " + threads);
            return 2;
        }
        NudityClassifier classifier;
        try {
            ClassifierModel chosen = model == null ? ClassifierModel.defaultModel() : ClassifierModel.fromFile(model);
            classifier = NudityClassifier.open(chosen, RuntimeOptions.cpu().withIntraOpThreads(threads).withProvider(provider));
        } catch (InvalidModelException e) {
            err.println("vigil classify: " + e.getMessage());
            return 2;
        }
        ImageDecoder decoder = new ImageDecoder(DecodeLimits.defaults());
        try (classifier) {
            return MediaFiles.forEach(files, out, err, (file, bytes) -> {
                try {
                    return jsonLine(file, classifier.classify(decoder.decode(bytes, NudityClassifier.DECODE_REQUEST)));
                } catch (IllegalStateException e) {
                    throw new MediaFiles.FileException("inference_failed", e.getMessage());
                }
            });
        }
    }

    static String jsonLine(Path file, NudityScores scores) {
        ObjectNode line = JsonNodeFactory.instance.objectNode();
        line.put("path", file.toString());
        line.put("model", scores.modelId());
        ObjectNode classes = line.putObject("scores");
        scores.classScores().forEach(classes::put);
        line.put("nudity", scores.explicitNudity());
        try {
            return JSON_LINE.writeValueAsString(line);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always serialises", e);
        }
    }
}
