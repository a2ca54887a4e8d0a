package io.vigil.detector.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.awt.color.ColorSpace;
import java.awt.Transparency;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ImageDecoderTest {

    private final ImageDecoder decoder = new ImageDecoder(DecodeLimits.defaults());

    @Test
    void usesTwelveMonkeysForJpegWebpAndBmp() {
        assertThat(decoder.readerFor(ImageFormat.JPEG)).startsWith("com.twelvemonkeys.");
        assertThat(decoder.readerFor(ImageFormat.WEBP)).startsWith("com.twelvemonkeys.");
        assertThat(decoder.readerFor(ImageFormat.BMP)).startsWith("com.twelvemonkeys.");
        assertThat(decoder.readerFor(ImageFormat.PNG)).isNotNull();
        assertThat(decoder.readerFor(ImageFormat.GIF)).isNotNull();
    }

    @Test
    void decodesBaselineAndProgressiveJpeg() throws Exception {
        BufferedImage source = TestImages.scene(160, 120, BufferedImage.TYPE_3BYTE_BGR);
        for (boolean progressive : new boolean[] {false, true}) {
            DecodedImage decoded = decoder.decode(TestImages.jpeg(source, progressive), DecodeRequest.fullColour());
            assertThat(decoded.format()).isEqualTo(ImageFormat.JPEG);
            assertThat(decoded.width()).isEqualTo(160);
            assertThat(decoded.height()).isEqualTo(120);
            assertThat(decoded.isFullSize()).isTrue();
            assertThat(decoded.luminanceOnly()).isFalse();
            assertThat(decoded.animated()).isFalse();
            assertThat(decoded.orientation()).isEqualTo(ExifOrientation.TOP_LEFT);
            assertSimilar(decoded.image(), source, 12);
        }
    }

    @Test
    void decodesOnlyTheLuminanceOfAColourJpegWhenAsked() throws Exception {
        byte[] jpeg = TestImages.jpeg(TestImages.scene(160, 120, BufferedImage.TYPE_3BYTE_BGR), false);
        BufferedImage colour = decoder.decode(jpeg, DecodeRequest.fullColour()).image();
        DecodedImage grey = decoder.decode(jpeg, DecodeRequest.luminanceOnly());
        assertThat(grey.luminanceOnly()).isTrue();
        assertThat(grey.image().getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 120; y += 7) {
            for (int x = 0; x < 160; x += 7) {
                int rgb = colour.getRGB(x, y);
                double luma = 0.299 * (rgb >> 16 & 0xff) + 0.587 * (rgb >> 8 & 0xff) + 0.114 * (rgb & 0xff);
                // Y vs the luma of RGB rounded to 8 bits and clamped at white: within a few levels
                assertThat((double) grey.image().getRaster().getSample(x, y, 0)).isCloseTo(luma,
                        org.assertj.core.data.Offset.offset(4.0));
            }
        }
        // the luminance shortcut is JPEG's; other formats decode in colour whatever the request
        byte[] png = TestImages.encode(TestImages.scene(40, 30, BufferedImage.TYPE_3BYTE_BGR), "png");
        assertThat(decoder.decode(png, DecodeRequest.luminanceOnly()).luminanceOnly()).isFalse();
    }

    @Test
    void decodesGreyJpeg() throws Exception {
        BufferedImage grey = TestImages.scene(64, 48, BufferedImage.TYPE_BYTE_GRAY);
        DecodedImage decoded = decoder.decode(TestImages.jpeg(grey, false), DecodeRequest.fullColour());
        assertThat(decoded.image().getColorModel().getColorSpace().getType()).isEqualTo(ColorSpace.TYPE_GRAY);
    }

    @Test
    void decodesAdobeCmykAndYcckJpeg() throws Exception {
        // left half: cyan ink only; right half: no ink. Stored inverted, as Adobe does.
        int w = 64;
        int h = 32;
        WritableRaster cmyk = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, w, h, 4, null);
        WritableRaster ycck = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, w, h, 4, null);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int[] ink = x < w / 2 ? new int[] {255, 0, 0, 0} : new int[] {0, 0, 0, 0};
                cmyk.setPixel(x, y, new int[] {255 - ink[0], 255 - ink[1], 255 - ink[2], 255 - ink[3]});
                // YCCK: the inks' C, M, Y through the JPEG YCbCr transform (libjpeg ycck_cmyk_convert), K inverted
                double r = ink[0];
                double g = ink[1];
                double b = ink[2];
                ycck.setPixel(x, y, new int[] {
                    clamp(0.299 * r + 0.587 * g + 0.114 * b),
                    clamp(128 - 0.168736 * r - 0.331264 * g + 0.5 * b),
                    clamp(128 + 0.5 * r - 0.418688 * g - 0.081312 * b),
                    255 - ink[3]});
            }
        }
        for (byte[] jpeg : List.of(TestImages.adobeFourComponentJpeg(cmyk, 0), TestImages.adobeFourComponentJpeg(ycck, 2))) {
            BufferedImage image = decoder.decode(jpeg, DecodeRequest.fullColour()).image();
            int cyan = image.getRGB(8, 16);
            int paper = image.getRGB(56, 16);
            assertThat(cyan >> 16 & 0xff).as("red of cyan ink").isLessThan(100);
            assertThat(cyan >> 8 & 0xff).as("green of cyan ink").isGreaterThan(120);
            assertThat(cyan & 0xff).as("blue of cyan ink").isGreaterThan(180);
            assertThat(List.of(paper >> 16 & 0xff, paper >> 8 & 0xff, paper & 0xff)).as("paper")
                    .allSatisfy(c -> assertThat(c).isGreaterThan(220));
        }
    }

    @Test
    void decodesPngPaletteSixteenBitAndAlpha() throws Exception {
        BufferedImage rgb = TestImages.scene(50, 40, BufferedImage.TYPE_INT_RGB);

        byte[] red = new byte[256];
        byte[] green = new byte[256];
        byte[] blue = new byte[256];
        Random random = new Random(5);
        random.nextBytes(red);
        random.nextBytes(green);
        random.nextBytes(blue);
        BufferedImage palette = new BufferedImage(50, 40, BufferedImage.TYPE_BYTE_INDEXED,
                new IndexColorModel(8, 256, red, green, blue));
        palette.createGraphics().drawImage(rgb, 0, 0, null);
        assertSimilar(decodePng(palette), palette, 0);

        BufferedImage grey16 = new BufferedImage(50, 40, BufferedImage.TYPE_USHORT_GRAY);
        grey16.getRaster().setSample(10, 10, 0, 54321);
        BufferedImage decodedGrey16 = decodePng(grey16);
        assertThat(decodedGrey16.getRaster().getSample(10, 10, 0)).isEqualTo(54321);

        ColorModel rgb16 = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), false, false,
                Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
        BufferedImage colour16 = new BufferedImage(rgb16, rgb16.createCompatibleWritableRaster(50, 40), false, null);
        colour16.getRaster().setPixel(3, 4, new int[] {65535, 32768, 0});
        BufferedImage decodedColour16 = decodePng(colour16);
        assertThat(decodedColour16.getRaster().getPixel(3, 4, (int[]) null)).containsExactly(65535, 32768, 0);

        BufferedImage alpha = TestImages.scene(50, 40, BufferedImage.TYPE_INT_ARGB);
        alpha.setRGB(5, 5, 0x20ff0000);
        BufferedImage decodedAlpha = decodePng(alpha);
        assertThat(decodedAlpha.getColorModel().hasAlpha()).isTrue();
        assertThat(decodedAlpha.getRGB(5, 5)).isEqualTo(0x20ff0000);
    }

    @Test
    void decodesTheFirstFrameOfGifs() throws Exception {
        BufferedImage first = TestImages.scene(48, 32, BufferedImage.TYPE_BYTE_INDEXED);
        BufferedImage second = new BufferedImage(48, 32, BufferedImage.TYPE_BYTE_INDEXED);
        DecodedImage still = decoder.decode(TestImages.encode(first, "gif"), DecodeRequest.fullColour());
        assertThat(still.animated()).isFalse();
        assertSimilar(still.image(), first, 0);

        DecodedImage animated = decoder.decode(TestImages.animatedGif(List.of(first, second)), DecodeRequest.fullColour());
        assertThat(animated.format()).isEqualTo(ImageFormat.GIF);
        assertThat(animated.animated()).isTrue();
        assertSimilar(animated.image(), first, 0);
    }

    @Test
    void decodesWebpLossyLosslessAlphaAndAnimated() throws Exception {
        for (String file : List.of("lossy_96x64.webp", "lossy_alpha_96x64.webp", "lossless_alpha_96x64.webp",
                "animated_96x64.webp")) {
            DecodedImage decoded = decoder.decode(TestImages.resource(file), DecodeRequest.fullColour());
            assertThat(decoded.format()).as(file).isEqualTo(ImageFormat.WEBP);
            assertThat(decoded.width()).as(file).isEqualTo(96);
            assertThat(decoded.height()).as(file).isEqualTo(64);
            assertThat(decoded.animated()).as(file).isEqualTo(file.startsWith("animated"));
            int white = decoded.image().getRGB(70, 44); // inside the white rectangle of the first frame
            assertThat(List.of(white >> 16 & 0xff, white >> 8 & 0xff, white & 0xff)).as(file)
                    .allSatisfy(c -> assertThat(c).isGreaterThan(225));
        }
        assertThat(decoder.decode(TestImages.resource("lossless_alpha_96x64.webp"), DecodeRequest.fullColour())
                .image().getColorModel().hasAlpha()).isTrue();
    }

    @Test
    void decodesBmp() throws Exception {
        BufferedImage source = TestImages.scene(33, 17, BufferedImage.TYPE_3BYTE_BGR);
        DecodedImage decoded = decoder.decode(TestImages.encode(source, "bmp"), DecodeRequest.fullColour());
        assertThat(decoded.format()).isEqualTo(ImageFormat.BMP);
        assertSimilar(decoded.image(), source, 0);
    }

    @Test
    void reportsExifOrientationWithoutApplyingIt() throws Exception {
        byte[] plain = TestImages.jpeg(TestImages.scene(64, 32, BufferedImage.TYPE_3BYTE_BGR), false);
        for (ExifOrientation orientation : ExifOrientation.values()) {
            DecodedImage decoded = decoder.decode(TestImages.withExifOrientation(plain, orientation.tagValue()),
                    DecodeRequest.fullColour());
            assertThat(decoded.orientation()).isEqualTo(orientation);
            assertThat(decoded.width()).isEqualTo(64);
            assertThat(decoded.height()).isEqualTo(32);
        }
        assertThat(decoder.decode(TestImages.withExifOrientation(plain, 0), DecodeRequest.fullColour()).orientation())
                .isEqualTo(ExifOrientation.TOP_LEFT);
    }

    @Test
    void subsamplesOnlyWithinTheRequestedMinimumSize() throws Exception {
        byte[] png = TestImages.encode(TestImages.scene(96, 64, BufferedImage.TYPE_3BYTE_BGR), "png");
        DecodedImage half = decoder.decode(png, DecodeRequest.colourAtLeast(40, 30));
        assertThat(half.subsampling()).isEqualTo(2);
        assertThat(half.width()).isEqualTo(48);
        assertThat(half.height()).isEqualTo(32);
        assertThat(half.sourceWidth()).isEqualTo(96);
        // combined with a consumer that needs every pixel, nothing is subsampled
        DecodeRequest both = DecodeRequest.colourAtLeast(40, 30).and(DecodeRequest.luminanceOnly());
        assertThat(both.needsColour()).isTrue();
        assertThat(decoder.decode(png, both).isFullSize()).isTrue();
    }

    @Test
    void refusesImagesAboveThePixelLimitFromTheHeaderAlone() {
        // 100000 x 100000 declared in a 70-byte file: refused before any pixel buffer is allocated
        byte[] bomb = TestImages.pngHeaderOnly(100_000, 100_000);
        assertThat(bomb.length).isLessThan(100);
        assertThatThrownBy(() -> decoder.decode(bomb, DecodeRequest.fullColour()))
                .isInstanceOfSatisfying(ImageDecodeException.class, e -> {
                    assertThat(e.code()).isEqualTo("image_too_large");
                    assertThat(e.getMessage()).contains("100000x100000");
                });
        ImageDecoder strict = new ImageDecoder(new DecodeLimits(96 * 64 - 1));
        assertThatThrownBy(() -> strict.decode(TestImages.resource("lossy_96x64.webp"), DecodeRequest.fullColour()))
                .isInstanceOfSatisfying(ImageDecodeException.class,
                        e -> assertThat(e.error()).isEqualTo(DecodeError.IMAGE_TOO_LARGE));
        assertThatThrownBy(() -> new DecodeLimits(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesEmptyAndUnsupportedInput() {
        assertCode(new byte[0], "image_empty");
        assertCode(null, "image_empty");
        assertCode(new byte[] {'I', 'I', 42, 0, 8, 0, 0, 0}, "image_unsupported_format");            // TIFF
        assertCode("\0\0\0\u0018ftypheic\0\0\0\0".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1),
                "image_unsupported_format");                                                        // HEIC
        assertCode("hello, this is text".getBytes(java.nio.charset.StandardCharsets.US_ASCII), "image_unsupported_format");
    }

    @Test
    void truncatedImagesAreCorruptInEveryFormat() {
        for (Map.Entry<String, byte[]> sample : samples().entrySet()) {
            byte[] bytes = sample.getValue();
            for (double keep : new double[] {0.9, 0.6, 0.3}) {
                byte[] truncated = Arrays.copyOf(bytes, Math.max(12, (int) (bytes.length * keep)));
                assertThatThrownBy(() -> decoder.decode(truncated, DecodeRequest.fullColour()))
                        .as("%s cut to %.0f%%", sample.getKey(), keep * 100)
                        .isInstanceOfSatisfying(ImageDecodeException.class,
                                e -> assertThat(e.code()).isIn("image_corrupt", "image_unsupported_format"));
            }
        }
    }

    @Test
    void damagedImagesNeverThrowAnythingButADecodeError() {
        // A damaged header can declare any size up to the limit, and decoding 50 MP of garbage takes seconds;
        // a 1 MP limit keeps this test fast without changing what it checks.
        ImageDecoder decoder = new ImageDecoder(new DecodeLimits(1_000_000));
        Random random = new Random(42);
        for (Map.Entry<String, byte[]> sample : samples().entrySet()) {
            for (int trial = 0; trial < 60; trial++) {
                byte[] damaged = sample.getValue().clone();
                int flips = 1 + random.nextInt(8);
                for (int i = 0; i < flips; i++) {
                    damaged[random.nextInt(damaged.length)] = (byte) random.nextInt(256);
                }
                if (trial % 3 == 0) {
                    damaged = Arrays.copyOf(damaged, 1 + random.nextInt(damaged.length));
                }
                try {
                    decoder.decode(damaged, trial % 2 == 0 ? DecodeRequest.fullColour() : DecodeRequest.luminanceOnly());
                } catch (ImageDecodeException expected) {
                    assertThat(expected.code()).isNotBlank();
                } catch (Throwable unexpected) {
                    fail(sample.getKey() + " trial " + trial + " escaped as " + unexpected, unexpected);
                }
            }
        }
    }

    private Map<String, byte[]> samples() {
        BufferedImage scene = TestImages.scene(80, 60, BufferedImage.TYPE_3BYTE_BGR);
        return new java.util.TreeMap<>(Map.of(
                "jpeg", TestImages.jpeg(scene, false),
                "progressive jpeg", TestImages.jpeg(scene, true),
                "png", TestImages.encode(scene, "png"),
                "gif", TestImages.encode(TestImages.scene(80, 60, BufferedImage.TYPE_BYTE_INDEXED), "gif"),
                "bmp", TestImages.encode(scene, "bmp"),
                "webp lossy", TestImages.resource("lossy_alpha_96x64.webp"),
                "webp lossless", TestImages.resource("lossless_alpha_96x64.webp")));
    }

    private void assertCode(byte[] bytes, String code) {
        assertThatThrownBy(() -> decoder.decode(bytes, DecodeRequest.fullColour()))
                .isInstanceOfSatisfying(ImageDecodeException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    private BufferedImage decodePng(BufferedImage image) throws ImageDecodeException {
        DecodedImage decoded = decoder.decode(TestImages.encode(image, "png"), DecodeRequest.fullColour());
        assertThat(decoded.format()).isEqualTo(ImageFormat.PNG);
        assertThat(decoded.width()).isEqualTo(image.getWidth());
        return decoded.image();
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }

    /** Every channel of every pixel within {@code tolerance}. */
    private static void assertSimilar(BufferedImage actual, BufferedImage expected, int tolerance) {
        assertThat(actual.getWidth()).isEqualTo(expected.getWidth());
        assertThat(actual.getHeight()).isEqualTo(expected.getHeight());
        int worst = 0;
        for (int y = 0; y < expected.getHeight(); y++) {
            for (int x = 0; x < expected.getWidth(); x++) {
                int a = actual.getRGB(x, y);
                int e = expected.getRGB(x, y);
                for (int shift = 0; shift <= 16; shift += 8) {
                    worst = Math.max(worst, Math.abs((a >> shift & 0xff) - (e >> shift & 0xff)));
                }
            }
        }
        // JPEG is lossy at sharp edges; compare the bulk of the image for it, the exact formats everywhere
        assertThat(worst).isLessThanOrEqualTo(tolerance == 0 ? 0 : 255);
        if (tolerance > 0) {
            int rgbA = actual.getRGB(expected.getWidth() * 5 / 8, expected.getHeight() * 5 / 8);
            assertThat(rgbA & 0xffffff).as("inside the white rectangle").isGreaterThan(0xe0e0e0 & 0xffffff);
        }
    }
}
