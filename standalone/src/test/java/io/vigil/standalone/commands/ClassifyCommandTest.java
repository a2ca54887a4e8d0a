package io.vigil.standalone.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.detector.media.DecodeLimits;
import io.vigil.detector.media.ImageDecoder;
import io.vigil.detector.nudity.NudityClassifier;
import io.vigil.detector.nudity.NudityScores;
import io.vigil.detector.nudity.RuntimeOptions;
import io.vigil.modelimport.FloatTensor;
import io.vigil.modelimport.onnx.OnnxGraphBuilder;
import io.vigil.standalone.VigilCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code vigil classify} run as the launcher runs it (picocli from {@link VigilCli}), with the process's standard
 * output and error captured: whatever reaches standard output must be the JSON lines and nothing else.
 */
class ClassifyCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> NSFWJS_CLASSES = List.of("drawing", "hentai", "neutral", "porn", "sexy");

    private record Run(int exitCode, List<String> out, List<String> err) {}

    @Test
    void printsOneJsonLinePerFileInTheContractsShapeAndOrder() throws Exception {
        Path photo = fixture("photo_like_640x480.jpg");
        Path gif = fixture("shapes_palette_640x640.gif");
        Path png = fixture("checker_512x512.png");

        Run run = classify(photo.toString(), gif.toString(), png.toString());

        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).hasSize(3);
        List<Path> files = List.of(photo, gif, png);
        for (int i = 0; i < 3; i++) {
            String line = run.out().get(i);
            assertThat(line).startsWith("{\"path\": \"" + files.get(i) + "\", \"model\": \"nsfwjs-mobilenet-v2@4.4.0\", \"scores\": {\"drawing\": ");
            JsonNode json = JSON.readTree(line);
            assertThat(fieldNames(json)).containsExactly("path", "model", "scores", "nudity");
            assertThat(fieldNames(json.get("scores"))).containsExactlyElementsOf(NSFWJS_CLASSES);
            double sum = NSFWJS_CLASSES.stream().mapToDouble(c -> json.get("scores").get(c).doubleValue()).sum();
            assertThat(sum).isCloseTo(1.0, within(1e-5));
            assertThat(json.get("nudity").floatValue()).as("explicit nudity: porn + hentai in the default descriptor")
                    .isCloseTo(json.get("scores").get("porn").floatValue() + json.get("scores").get("hentai").floatValue(), within(1e-6f));
        }
        assertThat(JSON.readTree(run.out().get(0)).get("scores")).as("different images, different scores")
                .isNotEqualTo(JSON.readTree(run.out().get(2)).get("scores"));

        // The command decodes and scores exactly as the detector's classifier does with the shared decoder.
        try (NudityClassifier classifier = NudityClassifier.openDefault(RuntimeOptions.cpu())) {
            NudityScores expected = classifier.classify(new ImageDecoder(DecodeLimits.defaults())
                    .decode(Files.readAllBytes(photo), NudityClassifier.DECODE_REQUEST));
            JsonNode printed = JSON.readTree(run.out().get(0)).get("scores");
            expected.classScores().forEach((name, p) -> assertThat(printed.get(name).floatValue()).as(name).isCloseTo(p, within(1e-6f)));
        }
    }

    @Test
    void aFileThatFailsGetsAnErrorLineAndTheRestStillPrint(@TempDir Path dir) throws Exception {
        byte[] photo = Files.readAllBytes(fixture("photo_like_640x480.jpg"));
        Path truncated = Files.write(dir.resolve("truncated.jpg"), Arrays.copyOf(photo, photo.length / 2));
        Path text = Files.writeString(dir.resolve("notes.jpg"), "not an image at all");
        Path missing = dir.resolve("missing.png");
        Path png = fixture("checker_512x512.png");

        Run run = classify(fixture("photo_like_640x480.jpg").toString(), truncated.toString(), text.toString(),
                missing.toString(), png.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).hasSize(2);
        assertThat(JSON.readTree(run.out().get(0)).get("path").asText()).endsWith("photo_like_640x480.jpg");
        assertThat(JSON.readTree(run.out().get(1)).get("path").asText()).isEqualTo(png.toString());
        assertThat(run.err()).hasSize(3);
        List<String[]> errors = run.err().stream().map(line -> line.split("\t", -1)).toList();
        assertThat(errors).allSatisfy(fields -> {
            assertThat(fields).hasSize(3);
            assertThat(fields[0]).isEqualTo("ERROR");
        });
        assertThat(errors.get(0)[1]).startsWith("image_corrupt: JPEG data is");
        assertThat(errors.get(0)[2]).isEqualTo(truncated.toString());
        assertThat(errors.get(1)[1]).startsWith("image_unsupported_format: not a JPEG, PNG, GIF, WebP or BMP image");
        assertThat(errors.get(1)[2]).isEqualTo(text.toString());
        assertThat(errors.get(2)[1]).isEqualTo("file_not_found: no such file");
        assertThat(errors.get(2)[2]).isEqualTo(missing.toString());
    }

    @Test
    void aPlatformsOwnModelRunsFromItsDescriptor(@TempDir Path dir) throws Exception {
        Path descriptor = MeanColourModel.writeWithDescriptor(dir);
        Path red = uniformPng(dir, "red.png", new Color(230, 20, 10));
        Path blue = uniformPng(dir, "blue.png", new Color(15, 40, 220));
        Path redThenBlue = animatedGif(dir, "red-then-blue.gif", new Color(230, 20, 10), new Color(15, 40, 220));
        assertThat(new ImageDecoder(DecodeLimits.defaults()).decode(Files.readAllBytes(redThenBlue), NudityClassifier.DECODE_REQUEST)
                .animated()).as("two frames").isTrue();

        Run run = classify("--model", descriptor.toString(), "--threads", "1", red.toString(), blue.toString(), redThenBlue.toString());

        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        JsonNode redLine = JSON.readTree(run.out().get(0));
        assertThat(fieldNames(redLine)).containsExactly("path", "model", "scores", "nudity");
        assertThat(redLine.get("model").asText()).isEqualTo("mean-colour-test@1");
        assertThat(fieldNames(redLine.get("scores"))).as("the model's own classes").containsExactly("safe", "unsafe");
        assertThat(redLine.get("nudity").doubleValue()).isCloseTo(MeanColourModel.unsafe(230, 10), within(1e-6));
        assertThat(redLine.get("scores").get("safe").doubleValue()).isCloseTo(1 - MeanColourModel.unsafe(230, 10), within(1e-6));
        JsonNode blueLine = JSON.readTree(run.out().get(1));
        assertThat(blueLine.get("nudity").doubleValue()).isCloseTo(MeanColourModel.unsafe(15, 220), within(1e-6));
        assertThat(blueLine.get("nudity").doubleValue()).isLessThan(0.01);
        assertThat(JSON.readTree(run.out().get(2)).get("nudity").doubleValue()).as("an animation is scored on its first frame")
                .isCloseTo(MeanColourModel.unsafe(230, 10), within(1e-6));
    }

    @Test
    void cudaFallsBackToTheCpuWithTheSameScores() throws Exception {
        String png = fixture("checker_512x512.png").toString();
        Run cpu = classify("--threads", "1", png);
        Run cuda = classify("--provider", "cuda", "--threads", "1", png);
        assertThat(cuda.exitCode()).isZero();
        assertThat(cuda.out()).as("this build's ONNX Runtime has no CUDA provider").isEqualTo(cpu.out());
    }

    @Test
    void anUnusableModelStopsBeforeAnyFile(@TempDir Path dir) throws Exception {
        Run run = classify("--model", dir.resolve("nowhere.yaml").toString(), fixture("checker_512x512.png").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(String.join("\n", run.err())).contains("the descriptor file does not exist");
    }

    /** Runs {@code vigil classify ARGS} with the process's standard output and error captured. */
    private static Run classify(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        int exitCode;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            exitCode = VigilCli.commandLine().execute(Stream.concat(Stream.of("classify"), Arrays.stream(args)).toArray(String[]::new));
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
        // The console log may share standard error (ONNX Runtime's session line); the command's own lines are the rest.
        List<String> errLines = err.toString(StandardCharsets.UTF_8).lines()
                .filter(line -> !line.matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} +[A-Z]+ +\\[.*")).toList();
        return new Run(exitCode, out.toString(StandardCharsets.UTF_8).lines().toList(), errLines);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Path fixture(String name) {
        try {
            return Path.of(ClassifyCommandTest.class.getResource("/classify/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing test fixture " + name, e);
        }
    }

    private static BufferedImage uniform(Color colour) {
        BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, 40, 30);
        g.dispose();
        return image;
    }

    private static Path uniformPng(Path dir, String name, Color colour) throws IOException {
        Path file = dir.resolve(name);
        ImageIO.write(uniform(colour), "png", file.toFile());
        return file;
    }

    /** A GIF of one uniform frame per colour. */
    private static Path animatedGif(Path dir, String name, Color... frames) throws IOException {
        Path file = dir.resolve(name);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            for (Color colour : frames) {
                writer.writeToSequence(new IIOImage(uniform(colour), null, null), null);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
        return file;
    }

    /**
     * A platform's own two-class model, built here with the ONNX protobuf classes: NHWC 8x8 RGB scaled to [0, 1],
     * the mean colour (ReduceMean), and logits {@code safe = 0}, {@code unsafe = GAIN * (mean red - mean blue)}, so
     * that a uniform image's scores can be predicted exactly.
     */
    private static final class MeanColourModel {

        static final float GAIN = 8f;
        static final int SIZE = 8;

        static final String DESCRIPTOR = """
                id: mean-colour-test@1
                onnx: mean_colour.onnx
                input:
                  name: pixels
                  layout: NHWC
                  width: 8
                  height: 8
                  colorOrder: RGB
                  scale: 0.00392156862745098
                  mean: [0]
                  std: [1]
                  resize: BILINEAR_HALF_PIXEL
                  fit: STRETCH
                output:
                  name: logits
                  activation: SOFTMAX
                  classes: [safe, unsafe]
                categories:
                  explicit_nudity: {classes: [unsafe], threshold: 0.9}
                  neutral: {classes: [safe], threshold: 0.5}
                """;

        static Path writeWithDescriptor(Path dir) throws IOException {
            OnnxGraphBuilder graph = new OnnxGraphBuilder("mean_colour");
            graph.input("pixels", "batch", SIZE, SIZE, 3);
            graph.node("ReduceMean").name("mean").inputs("pixels").output("colour").attr("axes", 1L, 2L).attr("keepdims", 0L).add();
            float[] weights = {0, GAIN, 0, 0, 0, -GAIN}; // [3 colours x 2 classes]
            graph.node("Gemm").name("logits").inputs("colour",
                            graph.initializer("W", new FloatTensor(new int[] {3, 2}, weights)),
                            graph.initializer("B", new FloatTensor(new int[] {2}, new float[] {0, 0})))
                    .output("logits").add();
            graph.output("logits", "batch", 2);
            Files.write(dir.resolve("mean_colour.onnx"), graph.build("vigil-tests", "1", "mean colour test model", Map.of()).toByteArray());
            return Files.writeString(dir.resolve("mean-colour.yaml"), DESCRIPTOR);
        }

        /** Softmax probability of {@code unsafe} for a uniform image of red {@code r} and blue {@code b}. */
        static double unsafe(int r, int b) {
            double logit = GAIN * (r / 255.0 - b / 255.0);
            return 1 / (1 + Math.exp(-logit));
        }
    }
}
