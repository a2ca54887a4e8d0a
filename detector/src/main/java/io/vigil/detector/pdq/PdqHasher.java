package io.vigil.detector.pdq;

import io.vigil.detector.media.DecodeRequest;
import io.vigil.pdq.Dihedral;
import io.vigil.pdq.Hash256;
import io.vigil.pdq.PdqHash;
import io.vigil.pdq.PdqHashes;
import java.awt.image.BufferedImage;
import java.util.Arrays;

/**
 * PDQ (Meta / ThreatExchange): luminance, Jarosz-filter downsampling to 64x64, the 16x16 low-frequency block of
 * its DCT, and one bit per coefficient: above the block's median or not. Quality counts significant gradients in
 * the 64x64 downsample.
 *
 * <p>Follows the published algorithm and the Java reference ({@code pdq/java}, {@code PDQHasher}); see
 * {@link JaroszDownsampler} for how the filter is applied without full-size buffers. Stateless and thread-safe.
 */
public final class PdqHasher {

    /**
     * The decode that reproduces the reference's input exactly: full size, colour, luminance from the RGB that
     * {@code getRGB} reports. Bit-exact with the reference on the fixtures (all but the README's noted cases).
     */
    public static final DecodeRequest EXACT_DECODE = DecodeRequest.fullColour();

    /**
     * The fast decode: luminance only (for JPEG, libjpeg's Y component without chroma decoding, upsampling or
     * colour conversion; about 2-3x faster). Y equals the luma of the decoded RGB up to rounding and clamping, so
     * hashes stay within 2 bits of the reference on the fixtures; about one JPEG in five differs by those 2 bits
     * (one coefficient next to the median swaps sides). Use it when nothing else needs colour.
     */
    public static final DecodeRequest FAST_DECODE = DecodeRequest.luminanceOnly();

    /** Quality is capped at 100. */
    public static final int MAX_QUALITY = PdqHash.MAX_QUALITY;

    /**
     * Gradients are measured in percent of the full 0..255 range and truncated to whole percent before summing, so
     * only significant steps count ({@code computePDQImageDomainQualityMetric}: {@code (int)((u - v) * 100 / 255)}).
     */
    private static final float GRADIENT_PERCENT_SCALE = 100f;
    private static final float FULL_SCALE_LUMA = 255f;

    /** Heuristic divisor from the PDQ paper: a sum of 9000 whole-percent gradients or more is quality 100. */
    private static final int GRADIENT_SUM_PER_QUALITY_POINT = 90;

    /**
     * Bits are set for coefficients strictly above the median. The reference's median (Torben's algorithm on 256
     * values) is the lower median, the 128th smallest, so about half the bits are set.
     */
    private static final int MEDIAN_RANK = (PdqDct.K * PdqDct.K + 1) / 2 - 1;

    public PdqHasher() {
    }

    /** The PDQ hash and quality of a decoded image (pixels as stored: EXIF orientation is not applied). */
    public PdqHash hash(BufferedImage image) {
        return hash(Luminance.rowsOf(image));
    }

    PdqHash hash(PixelRows image) {
        Spectrum s = spectrum(image);
        return new PdqHash(bits(s.dct), s.quality);
    }

    /** The hashes of all eight dihedral variants of a decoded image, from one DCT. */
    public PdqHashes hashAllDihedrals(BufferedImage image) {
        return hashAllDihedrals(Luminance.rowsOf(image));
    }

    PdqHashes hashAllDihedrals(PixelRows image) {
        Spectrum s = spectrum(image);
        Dihedral[] variants = Dihedral.values();
        Hash256[] hashes = new Hash256[variants.length];
        double[] transformed = new double[s.dct.length];
        for (Dihedral variant : variants) {
            variant.transform(s.dct, transformed);
            hashes[variant.ordinal()] = bits(transformed);
        }
        return PdqHashes.of(hashes, s.quality);
    }

    private record Spectrum(double[] dct, int quality) {
    }

    private static Spectrum spectrum(PixelRows image) {
        if (image.width() <= 0 || image.height() <= 0) {
            throw new IllegalArgumentException("empty image");
        }
        double[] downsample = new double[JaroszDownsampler.GRID * JaroszDownsampler.GRID];
        JaroszDownsampler.downsample(image, downsample);
        double[] dct = new double[PdqDct.K * PdqDct.K];
        PdqDct.dct64To16(downsample, dct);
        return new Spectrum(dct, quality(downsample));
    }

    /**
     * Image-domain quality of the 64x64 downsample: the sum of absolute whole-percent differences between
     * vertical and horizontal neighbours, divided by 90, capped at 100. Computed in single precision like the
     * reference, whose downsample buffer is {@code float}.
     */
    static int quality(double[] downsample) {
        int n = JaroszDownsampler.GRID;
        int gradientSum = 0;
        for (int i = 0; i < n - 1; i++) {
            for (int j = 0; j < n; j++) {
                gradientSum += Math.abs(percentStep((float) downsample[i * n + j], (float) downsample[(i + 1) * n + j]));
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n - 1; j++) {
                gradientSum += Math.abs(percentStep((float) downsample[i * n + j], (float) downsample[i * n + j + 1]));
            }
        }
        return Math.min(MAX_QUALITY, gradientSum / GRADIENT_SUM_PER_QUALITY_POINT);
    }

    private static int percentStep(float u, float v) {
        return (int) (((u - v) * GRADIENT_PERCENT_SCALE) / FULL_SCALE_LUMA);
    }

    /** Bit {@code i*16+j} is set when coefficient (i, j) is above the median of all 256. */
    private static Hash256 bits(double[] dct) {
        double[] sorted = dct.clone();
        Arrays.sort(sorted);
        double median = sorted[MEDIAN_RANK];
        boolean[] bits = new boolean[dct.length];
        for (int k = 0; k < dct.length; k++) {
            bits[k] = dct[k] > median;
        }
        return Hash256.ofBits(bits);
    }
}
