package io.vigil.detector.nudity;

import io.vigil.detector.media.ExifOrientation;

import java.awt.image.BufferedImage;

/**
 * Turns a decoded image into the input tensor a model descriptor asks for: displayed upright
 * ({@link DisplayedImage}), cropped or stretched, resized bilinearly to the input size, each channel normalised as
 * {@code (pixel * scale - mean) / std}, written NHWC or NCHW in RGB or BGR order.
 *
 * <p>The order of operations follows NSFWJS ({@code NSFWJS.infer}): pixels are normalised to float32 first, then
 * interpolated in double precision and stored as float32, which is what TF.js's resizeBilinear does, so the
 * tensor matches NSFWJS's own to float rounding. Thread-safe and immutable.
 */
public final class ImagePreprocessor {

    private static final int CHANNELS = 3;

    private final ModelDescriptor.Input spec;
    /** normalized[c][v]: the model value of 8-bit sample v in model channel c, rounded to float32 as TF.js stores it. */
    private final float[][] normalized = new float[CHANNELS][256];
    /** Bit shift of model channel c within 0xRRGGBB. */
    private final int[] channelShift;

    public ImagePreprocessor(ModelDescriptor.Input spec) {
        this.spec = spec;
        this.channelShift = spec.colorOrder() == ModelDescriptor.ColorOrder.RGB ? new int[] {16, 8, 0} : new int[] {0, 8, 16};
        for (int c = 0; c < CHANNELS; c++) {
            for (int v = 0; v < 256; v++) {
                normalized[c][v] = (float) ((v * spec.scale() - spec.meanOf(c)) / spec.stdOf(c));
            }
        }
    }

    /** Floats per image in the input tensor: 3 x height x width. */
    public int valuesPerImage() {
        return CHANNELS * spec.width() * spec.height();
    }

    /** The tensor shape for a batch of {@code batchSize} images, in the descriptor's layout. */
    public long[] shape(int batchSize) {
        return spec.layout() == ModelDescriptor.Layout.NHWC
                ? new long[] {batchSize, spec.height(), spec.width(), CHANNELS}
                : new long[] {batchSize, CHANNELS, spec.height(), spec.width()};
    }

    /** One image's tensor; {@code image} as stored, shown upright with {@code orientation}. */
    public float[] preprocess(BufferedImage image, ExifOrientation orientation) {
        float[] tensor = new float[valuesPerImage()];
        preprocess(image, orientation, tensor, 0);
        return tensor;
    }

    /** Writes one image's tensor into {@code target} from {@code offset} (one slot of a batch). */
    public void preprocess(BufferedImage image, ExifOrientation orientation, float[] target, int offset) {
        DisplayedImage displayed = new DisplayedImage(image, orientation);
        int outWidth = spec.width();
        int outHeight = spec.height();
        int[] crop = cropRegion(displayed.width(), displayed.height());
        Axis columns = new Axis(crop[0], crop[2], outWidth);
        Axis rows = new Axis(crop[1], crop[3], outHeight);
        boolean nhwc = spec.layout() == ModelDescriptor.Layout.NHWC;
        int plane = outWidth * outHeight;

        int[] topLeft = new int[outWidth];
        int[] topRight = new int[outWidth];
        int[] bottomLeft = new int[outWidth];
        int[] bottomRight = new int[outWidth];
        for (int y = 0; y < outHeight; y++) {
            displayed.sampleRow(rows.low[y], columns.low, topLeft);
            displayed.sampleRow(rows.low[y], columns.high, topRight);
            displayed.sampleRow(rows.high[y], columns.low, bottomLeft);
            displayed.sampleRow(rows.high[y], columns.high, bottomRight);
            double fy = rows.fraction[y];
            int rowStart = offset + (nhwc ? y * outWidth * CHANNELS : y * outWidth);
            for (int x = 0; x < outWidth; x++) {
                double fx = columns.fraction[x];
                int tlPixel = topLeft[x];
                int trPixel = topRight[x];
                int blPixel = bottomLeft[x];
                int brPixel = bottomRight[x];
                for (int c = 0; c < CHANNELS; c++) {
                    float[] lut = normalized[c];
                    int shift = channelShift[c];
                    double tl = lut[tlPixel >> shift & 0xFF];
                    double tr = lut[trPixel >> shift & 0xFF];
                    double bl = lut[blPixel >> shift & 0xFF];
                    double br = lut[brPixel >> shift & 0xFF];
                    double upper = tl + (tr - tl) * fx;
                    double lower = bl + (br - bl) * fx;
                    target[nhwc ? rowStart + x * CHANNELS + c : rowStart + c * plane + x] = (float) (upper + (lower - upper) * fy);
                }
            }
        }
    }

    /** {x, y, width, height} of the displayed region that is resized. */
    private int[] cropRegion(int width, int height) {
        if (spec.fit() == ModelDescriptor.Fit.STRETCH) {
            return new int[] {0, 0, width, height};
        }
        double targetAspect = (double) spec.width() / spec.height();
        if ((double) width / height > targetAspect) {
            int cropWidth = Math.max(1, (int) Math.round(height * targetAspect));
            return new int[] {(width - cropWidth) / 2, 0, cropWidth, height};
        }
        int cropHeight = Math.max(1, (int) Math.round(width / targetAspect));
        return new int[] {0, (height - cropHeight) / 2, width, cropHeight};
    }

    /**
     * For each output index along one axis, the two source pixels to blend and the weight of the second.
     * Align-corners follows TF.js's resizeBilinear: ratio (in - 1) / (out - 1), source = ratio * i, neighbours
     * floor and ceil. Half-pixel centres: source = (i + 0.5) * in / out - 0.5, clamped at 0.
     */
    private final class Axis {
        final int[] low;
        final int[] high;
        final double[] fraction;

        Axis(int start, int inSize, int outSize) {
            low = new int[outSize];
            high = new int[outSize];
            fraction = new double[outSize];
            boolean alignCorners = spec.resize() == ModelDescriptor.Resize.BILINEAR_ALIGN_CORNERS;
            double ratio = alignCorners && outSize > 1 ? (inSize - 1) / (double) (outSize - 1) : inSize / (double) outSize;
            for (int i = 0; i < outSize; i++) {
                double source = alignCorners ? ratio * i : Math.max(0, ratio * (i + 0.5) - 0.5);
                int floor = (int) Math.floor(source);
                low[i] = start + floor;
                high[i] = start + Math.min(inSize - 1, (int) Math.ceil(source));
                fraction[i] = source - floor;
            }
        }
    }
}
