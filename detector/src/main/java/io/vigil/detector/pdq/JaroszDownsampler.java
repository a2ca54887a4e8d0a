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
     *
     * <p>Image rows are read top to bottom once; each is added, with its vertical weight, into the accumulator of
     * every grid row whose kernel covers it. Grid rows with the same kernel (images under 64 rows high) share an
     * accumulator, and an accumulator is reduced horizontally and recycled as soon as its kernel has passed, so at
     * most a few rows of accumulators exist at a time, however wide the image.
     */
    static void downsample(PixelRows image, double[] out) {
        int width = image.width();
        int height = image.height();
        int channels = image.channels();
        int rowLength = width * channels;
        Kernel[] vertical = kernels(height);
        Kernel[] horizontal = kernels(width);
        boolean fixed = image.hasByteValues();
        double fixedScale = 1.0 / (1 << PixelRows.FIXED_POINT_BITS);
        float[] channelWeights = image.channelWeights();

        // Distinct vertical kernels, in order: grid rows [firstRow[k], firstRow[k + 1]) share kernel k.
        int[] firstRow = new int[GRID + 1];
        int distinct = 0;
        for (int i = 0; i < GRID; i++) {
            if (i == 0 || vertical[i].start != vertical[i - 1].start
                    || !java.util.Arrays.equals(vertical[i].weights, vertical[i - 1].weights)) {
                firstRow[distinct++] = i;
            }
        }
        firstRow[distinct] = GRID;

        java.util.ArrayDeque<Object> free = new java.util.ArrayDeque<>();
        Object[] accumulator = new Object[distinct]; // int[] or float[] per active kernel
        int nextToOpen = 0;   // kernels below this have been opened
        int nextToClose = 0;  // kernels below this have been reduced
        for (int y = 0; y < height && nextToClose < distinct; y++) {
            while (nextToOpen < distinct && vertical[firstRow[nextToOpen]].start <= y) {
                Object buffer = free.isEmpty() ? (fixed ? new int[rowLength] : new float[rowLength]) : free.pop();
                accumulator[nextToOpen++] = buffer;
            }
            for (int k = nextToClose; k < nextToOpen; k++) {
                Kernel kernel = vertical[firstRow[k]];
                if (y < kernel.end()) {
                    float weight = kernel.weights[y - kernel.start];
                    if (fixed) {
                        image.accumulateFixed(y, (int) Math.round(weight / fixedScale), (int[]) accumulator[k], 0);
                    } else {
                        image.accumulate(y, weight, (float[]) accumulator[k], 0);
                    }
                }
            }
            while (nextToClose < nextToOpen && vertical[firstRow[nextToClose]].end() <= y + 1) {
                Object buffer = accumulator[nextToClose];
                reduceHorizontally(buffer, fixed ? fixedScale : 1.0, channels, channelWeights, horizontal, out,
                        firstRow[nextToClose], firstRow[nextToClose + 1]);
                if (buffer instanceof int[] ints) {
                    java.util.Arrays.fill(ints, 0);
                } else {
                    java.util.Arrays.fill((float[]) buffer, 0f);
                }
                accumulator[nextToClose++] = null;
                free.push(buffer);
            }
        }
    }

    /**
     * The horizontal pass for one finished vertical kernel: channels weighted into luminance and the horizontal
     * kernels applied at the 64 grid columns, written to grid rows {@code fromRow .. toRow - 1}.
     */
    private static void reduceHorizontally(Object accumulator, double scale, int channels, float[] channelWeights,
                                           Kernel[] horizontal, double[] out, int fromRow, int toRow) {
        int[] ints = accumulator instanceof int[] a ? a : null;
        float[] floats = accumulator instanceof float[] a ? a : null;
        for (int j = 0; j < GRID; j++) {
            Kernel k = horizontal[j];
            double sum = 0;
            for (int t = 0; t < k.weights.length; t++) {
                int at = (k.start + t) * channels;
                double luma = 0;
                for (int c = 0; c < channels; c++) {
                    luma += (double) channelWeights[c] * (ints != null ? ints[at + c] : floats[at + c]);
                }
                sum += k.weights[t] * luma;
            }
            for (int i = fromRow; i < toRow; i++) {
                out[i * GRID + j] = sum * scale;
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
