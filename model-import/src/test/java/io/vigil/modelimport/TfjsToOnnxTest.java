package io.vigil.modelimport;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.vigil.modelimport.keras.KerasTopologyBuilder;
import io.vigil.modelimport.npm.Integrity;
import io.vigil.modelimport.tfjs.NsfwjsStyleModelWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/** The command the vigil-models build runs, on a tiny package tarball laid out like nsfwjs's. */
class TfjsToOnnxTest {

    private final KerasTopologyBuilder topology = new KerasTopologyBuilder(11)
            .input("input_1", 8, 8, 3)
            .zeroPadding("pad", "input_1", 0, 1, 0, 1)
            .conv("conv", "pad", 4, 3, 2, "valid", false, "linear")
            .batchNorm("conv_bn", "conv")
            .relu("conv_relu", "conv_bn", 6.0)
            .pooling("AveragePooling2D", "pool", "conv_relu", 4, 4, "valid")
            .flatten("flatten", "pool")
            .dense("dense", "flatten", 4, 3, "softmax");

    @Test
    void convertsAVerifiedTarballAndSkipsWorkWhenNothingChanged(@TempDir Path dir) throws IOException, OrtException {
        Path tarball = dir.resolve("tiny-1.0.0.tgz");
        new NsfwjsStyleModelWriter(topology.modelConfig("dense"), topology.weights()).writeNpmTarball(tarball, "dist/models/tiny");
        String integrity = Integrity.of("sha512", tarball).toString();
        Path output = dir.resolve("out/tiny.onnx");
        String[] args = {"--npm-package=tiny@1.0.0", "--integrity=" + integrity, "--model-path=dist/models/tiny",
                "--tarball=" + tarball, "--npm=/nonexistent/npm", "--cache-dir=" + dir.resolve("cache"), "--output=" + output, "--license=MIT"};

        assertThat(run(args).exitCode).isZero();
        assertThat(Files.size(output)).isPositive();
        try (OrtSession session = OrtEnvironment.getEnvironment().createSession(output.toString());
             OnnxTensor input = OnnxTensor.createTensor(OrtEnvironment.getEnvironment(), FloatBuffer.allocate(2 * 8 * 8 * 3), new long[] {2, 8, 8, 3});
             OrtSession.Result result = session.run(Map.of("input_1", input))) {
            float[][] probabilities = (float[][]) result.get("dense").orElseThrow().getValue();
            assertThat(probabilities).hasDimensions(2, 3);
            assertThat(probabilities[0][0] + probabilities[0][1] + probabilities[0][2]).isCloseTo(1f, offset(1e-5f));
            assertThat(session.getMetadata().getCustomMetadata()).containsEntry("source", "npm package tiny@1.0.0, dist/models/tiny")
                    .containsEntry("source_integrity", integrity).containsEntry("source_license", "MIT");
        }

        FileTime written = Files.getLastModifiedTime(output);
        Files.setLastModifiedTime(output, FileTime.fromMillis(written.toMillis() - 60_000));
        Outcome second = run(args);
        assertThat(second.exitCode).isZero();
        assertThat(second.out).contains("is up to date");
        assertThat(Files.getLastModifiedTime(output).toMillis()).isEqualTo(written.toMillis() - 60_000);
    }

    @Test
    void refusesATarballWhoseIntegrityDiffersFromThePin(@TempDir Path dir) throws IOException {
        Path tarball = dir.resolve("tiny-1.0.0.tgz");
        new NsfwjsStyleModelWriter(topology.modelConfig("dense"), topology.weights()).writeNpmTarball(tarball, "dist/models/tiny");
        String wrongPin = "sha512-" + "A".repeat(86) + "==";
        Outcome outcome = run("--npm-package=tiny@1.0.0", "--integrity=" + wrongPin, "--model-path=dist/models/tiny",
                "--tarball=" + tarball, "--output=" + dir.resolve("x.onnx"));
        assertThat(outcome.exitCode).isNotZero();
        assertThat(outcome.err).contains("integrity check failed");
        assertThat(dir.resolve("x.onnx")).doesNotExist();
    }

    @Test
    void withoutNpmTheBuildSaysWhatIsMissing(@TempDir Path dir) {
        Outcome outcome = run("--npm-package=nsfwjs@4.4.0", "--integrity=sha512-" + "A".repeat(86) + "==",
                "--npm=/nonexistent/npm", "--cache-dir=" + dir.resolve("cache"), "--output=" + dir.resolve("x.onnx"));
        assertThat(outcome.exitCode).isNotZero();
        assertThat(outcome.err).contains("the npm client ('/nonexistent/npm') is needed to fetch nsfwjs@4.4.0")
                .contains("Install Node.js");
    }

    private record Outcome(int exitCode, String out, String err) {}

    private static Outcome run(String... args) {
        StringWriter err = new StringWriter();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream previous = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            int code = TfjsToOnnx.commandLine().setErr(new PrintWriter(err)).execute(args);
            return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString());
        } finally {
            System.setOut(previous);
        }
    }
}
