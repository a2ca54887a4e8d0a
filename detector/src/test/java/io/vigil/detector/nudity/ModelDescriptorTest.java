package io.vigil.detector.nudity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelDescriptorTest {

    static final String VALID = """
            id: test-model@1
            onnx: model.onnx
            input:
              name: data
              layout: NCHW
              width: 32
              height: 32
              colorOrder: BGR
              scale: 1.0
              mean: [104, 117, 123]
              std: [1]
              resize: BILINEAR_HALF_PIXEL
              fit: CENTER_CROP
            output:
              name: logits
              activation: SOFTMAX
              classes: [sfw, nsfw]
            categories:
              explicit_nudity: {classes: [nsfw], threshold: 0.8}
              neutral: {classes: [sfw], threshold: 0.5}
            """;

    @Test
    void theDefaultModelIsOneDescriptorOnTheClasspath() {
        ClassifierModel model = ClassifierModel.defaultModel();
        ModelDescriptor descriptor = model.descriptor();
        assertThat(model.id()).isEqualTo("nsfwjs-mobilenet-v2@4.4.0");
        assertThat(descriptor.input().layout()).isEqualTo(ModelDescriptor.Layout.NHWC);
        assertThat(descriptor.input().resize()).isEqualTo(ModelDescriptor.Resize.BILINEAR_ALIGN_CORNERS);
        assertThat(descriptor.input().fit()).isEqualTo(ModelDescriptor.Fit.STRETCH);
        assertThat(descriptor.output().classes()).containsExactly("drawing", "hentai", "neutral", "porn", "sexy");
        assertThat(descriptor.categoryRules().get(NudityCategory.EXPLICIT_NUDITY).classes()).containsExactly("porn", "hentai");
        assertThat(model.onnxLocation().toString()).endsWith("nsfwjs-mobilenet-v2/nsfwjs_mobilenet_v2.onnx");
    }

    @Test
    void aValidDescriptorLoadsFromAFolderWithItsModel(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("model.yaml"), VALID);
        Files.write(dir.resolve("model.onnx"), new byte[] {1});
        ClassifierModel model = ClassifierModel.fromFile(dir.resolve("model.yaml"));
        assertThat(model.descriptor().input().meanOf(2)).isEqualTo(123.0);
        assertThat(model.descriptor().input().stdOf(2)).isEqualTo(1.0);
        assertThat(model.onnxLocation().getPath()).endsWith("/model.onnx");
    }

    @Test
    void everyProblemIsReportedAtOnce(@TempDir Path dir) throws IOException {
        String broken = VALID.replace("width: 32", "width: 0").replace("std: [1]", "std: [1, 0, 1]")
                .replace("classes: [sfw, nsfw]", "classes: [sfw, sfw]").replace("threshold: 0.8", "threshold: 1.5")
                .replace("neutral: {", "nudeish: {");
        Path descriptor = dir.resolve("model.yaml");
        Files.writeString(descriptor, broken);
        assertThatThrownBy(() -> ClassifierModel.fromFile(descriptor))
                .isInstanceOf(InvalidModelException.class)
                .hasMessageContaining("model " + descriptor + " is unusable")
                .hasMessageContaining("input.width must be between 1 and 4096, got 0")
                .hasMessageContaining("input.std values must be positive numbers, got 0.0")
                .hasMessageContaining("output.classes names 'sfw' twice")
                .hasMessageContaining("categories.explicit_nudity.threshold must be between 0 and 1, got 1.5")
                .hasMessageContaining("categories.explicit_nudity.classes names 'nsfw', which is not in output.classes")
                .hasMessageContaining("categories.nudeish: unknown category 'nudeish' (known: explicit_nudity, suggestive, drawn_animated, neutral)");
    }

    @Test
    void typosAndBadValuesAreNamed(@TempDir Path dir) throws IOException {
        Path descriptor = dir.resolve("model.yaml");
        Files.writeString(descriptor, VALID.replace("colorOrder: BGR", "colourOrder: BGR"));
        assertThatThrownBy(() -> ClassifierModel.fromFile(descriptor)).hasMessageContaining("unknown field 'input.colourOrder' (known here: colorOrder, fit, height");
        Files.writeString(descriptor, VALID.replace("layout: NCHW", "layout: NWHC"));
        assertThatThrownBy(() -> ClassifierModel.fromFile(descriptor)).hasMessageContaining("input.layout: ")
                .hasMessageContaining("NWHC").hasMessageContaining("[NCHW, NHWC]");
        Files.writeString(descriptor, VALID.replace("explicit_nudity:", "suggestive:"));
        assertThatThrownBy(() -> ClassifierModel.fromFile(descriptor)).hasMessageContaining("categories.explicit_nudity is required");
    }

    @Test
    void theModelFileMustExist(@TempDir Path dir) throws IOException {
        Path descriptor = dir.resolve("model.yaml");
        Files.writeString(descriptor, VALID);
        assertThatThrownBy(() -> ClassifierModel.fromFile(descriptor)).hasMessageContaining("onnx file 'model.onnx' not found next to the descriptor");
        assertThatThrownBy(() -> ClassifierModel.fromFile(dir.resolve("absent.yaml"))).hasMessageContaining("the descriptor file does not exist");
    }
}
