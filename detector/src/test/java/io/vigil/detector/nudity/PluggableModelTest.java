package io.vigil.detector.nudity;

import io.vigil.detector.media.ExifOrientation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * A platform drops in its own classifier with a descriptor and no code change: here an OpenNSFW-style model the
 * test builds (NCHW, BGR, mean-subtracted, centre crop, logits), whose outputs can be predicted exactly.
 */
class PluggableModelTest {

    @Test
    void anotherModelRunsFromItsDescriptorAlone(@TempDir Path dir) throws IOException {
        Path descriptor = OpenNsfwStyleModel.writeWithDescriptor(dir, ModelDescriptorTest.VALID);
        try (NudityClassifier classifier = NudityClassifier.open(ClassifierModel.fromFile(descriptor), RuntimeOptions.cpu())) {
            assertThat(classifier.modelId()).isEqualTo("test-model@1");

            NudityScores red = classifier.classify(uniform(new Color(250, 40, 20)), ExifOrientation.TOP_LEFT);
            double[] expectedRed = OpenNsfwStyleModel.expectedForUniform(250, 20);
            assertThat(red.classScores()).containsOnlyKeys("sfw", "nsfw");
            assertThat((double) red.classScores().get("nsfw")).isCloseTo(expectedRed[1], within(1e-6));
            assertThat((double) red.explicitNudity()).isCloseTo(expectedRed[1], within(1e-6));
            assertThat(red.flagged()).containsExactly(NudityCategory.EXPLICIT_NUDITY);
            assertThat(red.category(NudityCategory.SUGGESTIVE)).as("this descriptor maps no suggestive class").isEmpty();

            NudityScores blue = classifier.classify(uniform(new Color(10, 40, 240)), ExifOrientation.TOP_LEFT);
            assertThat((double) blue.categoryScores().get(NudityCategory.NEUTRAL))
                    .isCloseTo(OpenNsfwStyleModel.expectedForUniform(10, 240)[0], within(1e-6));
            assertThat(blue.flagged()).containsExactly(NudityCategory.NEUTRAL);
        }
    }

    @Test
    void theDescriptorsCentreCropDecides(@TempDir Path dir) throws IOException {
        BufferedImage blueMiddleRedSides = new BufferedImage(300, 100, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = blueMiddleRedSides.createGraphics();
        g.setColor(new Color(250, 40, 20));
        g.fillRect(0, 0, 300, 100);
        g.setColor(new Color(10, 40, 240));
        g.fillRect(100, 0, 100, 100);
        g.dispose();

        Path cropping = OpenNsfwStyleModel.writeWithDescriptor(dir, ModelDescriptorTest.VALID);
        try (NudityClassifier classifier = NudityClassifier.open(ClassifierModel.fromFile(cropping), RuntimeOptions.cpu())) {
            assertThat((double) classifier.classify(blueMiddleRedSides, ExifOrientation.TOP_LEFT).explicitNudity())
                    .isCloseTo(OpenNsfwStyleModel.expectedForUniform(10, 240)[1], within(1e-6));
        }
        Path stretching = OpenNsfwStyleModel.writeWithDescriptor(dir, ModelDescriptorTest.VALID.replace("fit: CENTER_CROP", "fit: STRETCH"));
        try (NudityClassifier classifier = NudityClassifier.open(ClassifierModel.fromFile(stretching), RuntimeOptions.cpu())) {
            assertThat(classifier.classify(blueMiddleRedSides, ExifOrientation.TOP_LEFT).explicitNudity()).as("the red sides now count").isGreaterThan(0.5f);
        }
    }

    @Test
    void aDescriptorThatDoesNotFitItsModelIsRejectedAtLoad(@TempDir Path dir) throws IOException {
        Path descriptor = OpenNsfwStyleModel.writeWithDescriptor(dir, ModelDescriptorTest.VALID
                .replace("name: data", "name: input_1").replace("width: 32", "width: 224").replace("classes: [sfw, nsfw]", "classes: [sfw, nsfw, other]"));
        ClassifierModel model = ClassifierModel.fromFile(descriptor);
        assertThatThrownBy(() -> NudityClassifier.open(model, RuntimeOptions.cpu()))
                .isInstanceOf(InvalidModelException.class)
                .hasMessageContaining("input.name 'input_1' is not an input of the ONNX model (inputs: [data])")
                .hasMessageContaining("the ONNX output 'logits' has 2 classes, but output.classes lists 3");

        Path wrongSize = OpenNsfwStyleModel.writeWithDescriptor(dir, ModelDescriptorTest.VALID.replace("width: 32", "width: 224"));
        assertThatThrownBy(() -> NudityClassifier.open(ClassifierModel.fromFile(wrongSize), RuntimeOptions.cpu()))
                .hasMessageContaining("has shape [-1, 3, 32, 32], but the descriptor describes NCHW [-1, 3, 32, 224]");

        // A second descriptor of a model whose session is already open is checked too.
        Path good = OpenNsfwStyleModel.writeWithDescriptor(dir, ModelDescriptorTest.VALID);
        Path wrongBeside = Files.writeString(dir.resolve("wrong-size.yaml"), ModelDescriptorTest.VALID.replace("width: 32", "width: 224"));
        try (NudityClassifier open = NudityClassifier.open(ClassifierModel.fromFile(good), RuntimeOptions.cpu())) {
            assertThat(open.modelId()).isEqualTo("test-model@1");
            assertThatThrownBy(() -> NudityClassifier.open(ClassifierModel.fromFile(wrongBeside), RuntimeOptions.cpu()))
                    .hasMessageContaining("but the descriptor describes NCHW [-1, 3, 32, 224]");
            assertThat(open.classify(new BufferedImage(40, 40, BufferedImage.TYPE_INT_RGB), ExifOrientation.TOP_LEFT).classScores()).hasSize(2);
        }
    }

    @Test
    void batchesAreSplitAtTheConfiguredSize(@TempDir Path dir) throws IOException {
        Path descriptor = OpenNsfwStyleModel.writeWithDescriptor(dir, ModelDescriptorTest.VALID);
        try (NudityClassifier classifier = NudityClassifier.open(ClassifierModel.fromFile(descriptor), RuntimeOptions.cpu().withMaxBatchSize(2))) {
            List<NudityClassifier.Input> inputs = List.of(
                    new NudityClassifier.Input(uniform(new Color(250, 0, 0)), ExifOrientation.TOP_LEFT), new NudityClassifier.Input(uniform(new Color(0, 0, 250)), ExifOrientation.TOP_LEFT),
                    new NudityClassifier.Input(uniform(new Color(200, 0, 0)), ExifOrientation.TOP_LEFT), new NudityClassifier.Input(uniform(new Color(0, 0, 200)), ExifOrientation.TOP_LEFT),
                    new NudityClassifier.Input(uniform(new Color(130, 0, 130)), ExifOrientation.TOP_LEFT));
            List<NudityScores> scores = classifier.classifyAll(inputs);
            assertThat(scores).hasSize(5);
            int[][] colours = {{250, 0}, {0, 250}, {200, 0}, {0, 200}, {130, 130}};
            for (int i = 0; i < 5; i++) {
                assertThat((double) scores.get(i).explicitNudity()).as("image %d", i)
                        .isCloseTo(OpenNsfwStyleModel.expectedForUniform(colours[i][0], colours[i][1])[1], within(1e-6));
            }
        }
    }

    private static BufferedImage uniform(Color colour) {
        BufferedImage image = new BufferedImage(90, 60, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, 90, 60);
        g.dispose();
        return image;
    }
}
