package io.vigil.detector.nudity;

import io.vigil.detector.media.ExifOrientation;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ImagePreprocessorTest {

    private static ModelDescriptor.Input input(ModelDescriptor.Layout layout, int width, int height, ModelDescriptor.ColorOrder order,
                                               double scale, List<Double> mean, List<Double> std, ModelDescriptor.Resize resize,
                                               ModelDescriptor.Fit fit) {
        return new ModelDescriptor.Input("x", layout, width, height, order, scale, mean, std, resize, fit);
    }

    /** A grey ramp: pixel (x, y) has value 10x + 40y in every channel. */
    private static BufferedImage ramp(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int v = 10 * x + 40 * y;
                image.setRGB(x, y, v << 16 | v << 8 | v);
            }
        }
        return image;
    }

    @Test
    void alignCornersMapsCornersOntoCornersAndInterpolatesLinearly() {
        ImagePreprocessor preprocessor = new ImagePreprocessor(input(ModelDescriptor.Layout.NHWC, 3, 3, ModelDescriptor.ColorOrder.RGB,
                1.0, List.of(0.0), List.of(1.0), ModelDescriptor.Resize.BILINEAR_ALIGN_CORNERS, ModelDescriptor.Fit.STRETCH));
        float[] tensor = preprocessor.preprocess(ramp(5, 4), ExifOrientation.TOP_LEFT);
        // Source positions: x in {0, 2, 4}, y in {0, 1.5, 3}; the ramp is linear, so values are 10x + 40y exactly.
        float[] expected = {0, 20, 40, 60, 80, 100, 120, 140, 160};
        for (int i = 0; i < 9; i++) {
            for (int c = 0; c < 3; c++) {
                assertThat(tensor[i * 3 + c]).isEqualTo(expected[i]);
            }
        }
    }

    @Test
    void halfPixelCentresSampleTheMiddleOfEachOutputPixel() {
        ImagePreprocessor preprocessor = new ImagePreprocessor(input(ModelDescriptor.Layout.NCHW, 2, 1, ModelDescriptor.ColorOrder.RGB,
                1.0, List.of(0.0), List.of(1.0), ModelDescriptor.Resize.BILINEAR_HALF_PIXEL, ModelDescriptor.Fit.STRETCH));
        float[] tensor = preprocessor.preprocess(ramp(4, 1), ExifOrientation.TOP_LEFT);
        // x = (i + 0.5) * 2 - 0.5 = 0.5 and 2.5: values 5 and 25.
        assertThat(tensor[0]).isEqualTo(5f);
        assertThat(tensor[1]).isEqualTo(25f);
    }

    @Test
    void layoutColourOrderAndNormalisationFollowTheDescriptor() {
        BufferedImage pixel = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        pixel.setRGB(0, 0, 200 << 16 | 100 << 8 | 50);
        ModelDescriptor.Input caffeStyle = input(ModelDescriptor.Layout.NCHW, 2, 2, ModelDescriptor.ColorOrder.BGR, 1.0,
                List.of(104.0, 117.0, 123.0), List.of(1.0, 2.0, 4.0), ModelDescriptor.Resize.BILINEAR_HALF_PIXEL, ModelDescriptor.Fit.STRETCH);
        float[] nchw = new ImagePreprocessor(caffeStyle).preprocess(pixel, ExifOrientation.TOP_LEFT);
        assertThat(nchw).hasSize(12);
        assertThat(nchw[0]).isEqualTo((50 - 104) / 1f);   // plane 0: blue
        assertThat(nchw[4]).isEqualTo((100 - 117) / 2f);  // plane 1: green
        assertThat(nchw[8]).isEqualTo((200 - 123) / 4f);  // plane 2: red
        assertThat(nchw[11]).isEqualTo(nchw[8]);

        ModelDescriptor.Input nsfwjsStyle = input(ModelDescriptor.Layout.NHWC, 2, 2, ModelDescriptor.ColorOrder.RGB, 1 / 255.0,
                List.of(0.0), List.of(1.0), ModelDescriptor.Resize.BILINEAR_ALIGN_CORNERS, ModelDescriptor.Fit.STRETCH);
        float[] nhwc = new ImagePreprocessor(nsfwjsStyle).preprocess(pixel, ExifOrientation.TOP_LEFT);
        assertThat(nhwc[0]).isEqualTo((float) (200 / 255.0));
        assertThat(nhwc[1]).isEqualTo((float) (100 / 255.0));
        assertThat(nhwc[2]).isEqualTo((float) (50 / 255.0));
        assertThat(nhwc[3]).isEqualTo(nhwc[0]);
    }

    @Test
    void centreCropKeepsTheMiddleOfAWideImage() {
        BufferedImage wide = new BufferedImage(300, 100, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 100; y++) {
            for (int x = 0; x < 300; x++) {
                wide.setRGB(x, y, x < 100 || x >= 200 ? 0xFF0000 : 0x0000FF);
            }
        }
        ModelDescriptor.Input square = input(ModelDescriptor.Layout.NHWC, 16, 16, ModelDescriptor.ColorOrder.RGB, 1.0,
                List.of(0.0), List.of(1.0), ModelDescriptor.Resize.BILINEAR_HALF_PIXEL, ModelDescriptor.Fit.CENTER_CROP);
        float[] cropped = new ImagePreprocessor(square).preprocess(wide, ExifOrientation.TOP_LEFT);
        for (int i = 0; i < 16 * 16; i++) {
            assertThat(cropped[i * 3]).as("red").isEqualTo(0f);
            assertThat(cropped[i * 3 + 2]).as("blue").isEqualTo(255f);
        }
        ModelDescriptor.Input stretched = input(ModelDescriptor.Layout.NHWC, 16, 16, ModelDescriptor.ColorOrder.RGB, 1.0,
                List.of(0.0), List.of(1.0), ModelDescriptor.Resize.BILINEAR_HALF_PIXEL, ModelDescriptor.Fit.STRETCH);
        assertThat(new ImagePreprocessor(stretched).preprocess(wide, ExifOrientation.TOP_LEFT)[0]).as("stretch keeps the red sides").isEqualTo(255f);
    }

    @Test
    void orientationIsAppliedBeforeResizing() {
        BufferedImage upright = SyntheticImages.landscape(120, 80, BufferedImage.TYPE_INT_RGB);
        ImagePreprocessor preprocessor = new ImagePreprocessor(input(ModelDescriptor.Layout.NHWC, 32, 32, ModelDescriptor.ColorOrder.RGB,
                1 / 255.0, List.of(0.0), List.of(1.0), ModelDescriptor.Resize.BILINEAR_ALIGN_CORNERS, ModelDescriptor.Fit.STRETCH));
        float[] expected = preprocessor.preprocess(upright, ExifOrientation.TOP_LEFT);
        for (ExifOrientation orientation : ExifOrientation.values()) {
            float[] actual = preprocessor.preprocess(SyntheticImages.storedForOrientation(upright, orientation), orientation);
            assertThat(actual).as("orientation %s", orientation).containsExactly(expected);
        }
    }

    @Test
    void batchSlotsAndShapes() {
        ImagePreprocessor preprocessor = new ImagePreprocessor(input(ModelDescriptor.Layout.NCHW, 4, 3, ModelDescriptor.ColorOrder.RGB,
                1.0, List.of(0.0), List.of(1.0), ModelDescriptor.Resize.BILINEAR_ALIGN_CORNERS, ModelDescriptor.Fit.STRETCH));
        assertThat(preprocessor.valuesPerImage()).isEqualTo(36);
        assertThat(preprocessor.shape(5)).containsExactly(5, 3, 3, 4);
        float[] batch = new float[72];
        preprocessor.preprocess(ramp(5, 4), ExifOrientation.TOP_LEFT, batch, 36);
        assertThat(batch[0]).isEqualTo(0f);
        assertThat(batch[36 + 35]).isCloseTo(10 * 4 + 40 * 3, within(1e-4f));
    }
}
