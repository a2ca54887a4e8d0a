package io.vigil.detector.pdq;

/**
 * PDQ's blur-and-decimate step: the image's luminance filtered by two passes of a box filter along each axis
 * (Wojciech Jarosz, "Fast Image Convolutions", SIGGRAPH 2001: repeated box filters approximate a tent) and then
 * sampled at the centres of a 64x64 grid.
 *
 * <p>The reference ({@code PDQHasher.jaroszFilterFloat} then {@code decimateFloat}) filters the whole image in
 * place with four full-size passes (rows, columns, rows, columns) and then keeps 4096 of the filtered pixels. The
 * filter is linear and separable, so each kept pixel is a weighted sum of the input with weights that are the
 * product of one vertical and one horizontal 1-D kernel: the two box passes along that axis composed, with the
 * reference's shrinking windows at the borders. This class derives those kernels exactly from the reference's box
 * definition and applies them only where they are needed: each luminance row is added, with its vertical weight,
 * into the accumulator of the one or two grid rows whose kernel covers it, and each accumulator is then reduced
 * horizontally at the 64 grid columns. The result is the same linear function of the pixels; only floating-point
 * rounding differs (the reference's running float sums drift by about 1e-3 grey levels on a 4000-pixel row), and
 * the work is about one multiply-add per pixel instead of four passes over two full-size float buffers.
 */
final class JaroszDownsampler {

    /** PDQ hashes a 64x64 downsample of the image. */
    static final int GRID = 64;

    /**
     * Two X,Y pairs of box passes ({@code PDQ_NUM_JAROSZ_XY_PASSES = 2}): box * box is a tent.
     */
    static final int BOX_PASSES = 2;

    /**
     * Box window = ceil(dimension / 128) ({@code PDQ_JAROSZ_WINDOW_SIZE_DIVISOR}): a grid cell spans 1/64 of the
     * image, and two passes of a window half that size together cover the cell.
     */
    static final int WINDOW_SIZE_DIVISOR = 128;

    private JaroszDownsampler() {
    }

    /** The box window the reference uses along an axis of {@code dimension} pixels (rounded up). */
    static int windowSize(int dimension) {
        return (dimension + WINDOW_SIZE_DIVISOR - 1) / WINDOW_SIZE_DIVISOR;
    }

    /**
     * Index of the pixel the reference keeps for grid cell {@code cell} along an axis of {@code dimension} pixels:
     * the one under the cell's centre ("target centers not corners").
     */
    static int sampleIndex(int cell, int dimension) {
        return (int) (((cell + 0.5) * dimension) / GRID);
    }

    /**
     * Blurs and decimates {@code image} into {@code out[row * 64 + column]}.
     */
    static void downsample(PixelRows image, double[] out) {
        int width = image.width();
        int height = image.height();
        int channels = image.channels();
        int rowLength = width * channels;
        Kernel[] vertical = kernels(height);
        Kernel[] horizontal = kernels(width);

        // Vertical pass: each image row, weighted, into the accumulator of every grid row whose kernel covers it.
        boolean fixed = image.hasByteValues();
        float[] accumulators = fixed ? null : new float[GRID * rowLength];
        int[] fixedAccumulators = fixed ? new int[GRID * rowLength] : null;
        double fixedScale = 1.0 / (1 << PixelRows.FIXED_POINT_BITS);
        int first = 0; // lowest grid row whose vertical kernel has not ended yet
        for (int y = 0; y < height && first < GRID; y++) {
            while (first < GRID && vertical[first].end() <= y) {
                first++;
            }
            for (int i = first; i < GRID && vertical[i].start <= y; i++) {
                Kernel k = vertical[i];
                float weight = k.weights[y - k.start];
                if (fixed) {
                    image.accumulateFixed(y, (int) Math.round(weight / fixedScale), fixedAccumulators, i * rowLength);
                } else {
                    image.accumulate(y, weight, accumulators, i * rowLength);
                }
            }
        }
        // Channels to luminance, then the horizontal pass at the 64 grid columns.
        float[] weights = image.channelWeights();
        double[] luma = new double[width];
        for (int i = 0; i < GRID; i++) {
            int base = i * rowLength;
            for (int x = 0; x < width; x++) {
                double sum = 0;
                for (int c = 0; c < channels; c++) {
                    int at = base + x * channels + c;
                    sum += (double) weights[c] * (fixed ? fixedAccumulators[at] * fixedScale : accumulators[at]);
                }
                luma[x] = sum;
            }
            for (int j = 0; j < GRID; j++) {
                Kernel k = horizontal[j];
                double sum = 0;
                for (int t = 0; t < k.weights.length; t++) {
                    sum += k.weights[t] * luma[k.start + t];
                }
                out[i * GRID + j] = sum;
            }
        }
    }

    /** The 64 composite kernels along an axis of {@code dimension} pixels. */
    static Kernel[] kernels(int dimension) {
        Box box = new Box(dimension, windowSize(dimension));
        Kernel[] kernels = new Kernel[GRID];
        for (int cell = 0; cell < GRID; cell++) {
            kernels[cell] = composite(box, sampleIndex(cell, dimension));
        }
        return kernels;
    }

    /**
     * Row {@code index} of the matrix of {@link #BOX_PASSES} box passes, i.e. the weights with which every input
     * pixel reaches output pixel {@code index}.
     */
    private static Kernel composite(Box box, int index) {
        double[] weights = {1.0};
        int start = index;
        for (int pass = 0; pass < BOX_PASSES; pass++) {
            // Output o of one pass reads inputs box.first(o)..box.last(o), each with weight 1/count.
            int newStart = box.first(start);
            int newEnd = box.last(start + weights.length - 1) + 1;
            double[] next = new double[newEnd - newStart];
            for (int t = 0; t < weights.length; t++) {
                int o = start + t;
                int lo = box.first(o);
                int hi = box.last(o);
                double w = weights[t] / (hi - lo + 1);
                for (int k = lo; k <= hi; k++) {
                    next[k - newStart] += w;
                }
            }
            weights = next;
            start = newStart;
        }
        float[] asFloat = new float[weights.length];
        for (int t = 0; t < weights.length; t++) {
            asFloat[t] = (float) weights[t];
        }
        return new Kernel(start, asFloat);
    }

    /** Weights {@code weights[t]} for input pixels {@code start + t}. */
    record Kernel(int start, float[] weights) {
        int end() {
            return start + weights.length;
        }
    }

    /**
     * One box pass of the reference ({@code box1DFloat}): output {@code o} is the mean of inputs
     * {@code o - left .. o + right}, clipped to the axis, with {@code left + right + 1 = window} and
     * {@code right = (window + 2) / 2 - 1} (a window of 7 reaches 3 back and 3 ahead, one of 8 reaches 3 back and
     * 4 ahead).
     */
    private record Box(int dimension, int left, int right) {
        Box(int dimension, int window) {
            this(dimension, window - (window + 2) / 2, (window + 2) / 2 - 1);
        }

        int first(int o) {
            return Math.max(0, o - left);
        }

        int last(int o) {
            return Math.min(dimension - 1, o + right);
        }
    }
}
