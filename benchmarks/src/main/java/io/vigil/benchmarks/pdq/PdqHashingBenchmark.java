package io.vigil.benchmarks.pdq;

import io.vigil.detector.media.DecodeLimits;
import io.vigil.detector.media.DecodeRequest;
import io.vigil.detector.media.DecodedImage;
import io.vigil.detector.media.ImageDecoder;
import io.vigil.detector.pdq.PdqHasher;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * PDQ hashing throughput on one thread, split into decode and hash, for photo-like JPEGs at 1280x960 (Telegram's
 * usual photo size) and 4000x3000 (12 MP), generated here (smooth multi-octave noise with film grain, so that the
 * JPEGs carry a photo's entropy: about 2 bits per pixel at quality 90).
 *
 * <p>Baselines: the JDK's own JPEG decoder measured in this run (the decode limit: no PDQ implementation that decodes
 * the full image can be faster), and the reference Java implementation's figures as issue 3 states them (its code is
 * not on Maven Central and may not be committed here): about 80 ms of hashing after 10-15 ms of decoding for
 * 1024x768, about 1.5 s after 0.2 s for 12 MP; scaled by pixel count to 1280x960.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.vigil.benchmarks.pdq.PdqHashingBenchmark [iterations-1280=40] [iterations-12mp=8]
 * </pre>
 */
public final class PdqHashingBenchmark {

    /** Issue 3's reference figures: hash and decode seconds for 1024x768 and for 12 MP. */
    private static final double REFERENCE_HASH_1024x768 = 0.080;
    private static final double REFERENCE_DECODE_1024x768 = 0.0125; // "10-15 ms": the midpoint
    private static final double REFERENCE_HASH_12MP = 1.5;
    private static final double REFERENCE_DECODE_12MP = 0.2;

    private PdqHashingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int iterationsSmall = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        int iterationsLarge = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        System.out.printf(Locale.ROOT, "PDQ hashing, one thread, JVM %s, %d processors visible%n",
                Runtime.version(), Runtime.getRuntime().availableProcessors());
        run(1280, 960, iterationsSmall,
                scaleByPixels(REFERENCE_HASH_1024x768, 1280 * 960, 1024 * 768),
                scaleByPixels(REFERENCE_DECODE_1024x768, 1280 * 960, 1024 * 768));
        run(4000, 3000, iterationsLarge, REFERENCE_HASH_12MP, REFERENCE_DECODE_12MP);
    }

    private static double scaleByPixels(double seconds, int pixels, int referencePixels) {
        return seconds * pixels / referencePixels;
    }

    private static void run(int width, int height, int iterations, double referenceHash, double referenceDecode)
            throws Exception {
        byte[] jpeg = jpeg(photoLike(width, height, 42), 0.9f);
        ImageDecoder decoder = new ImageDecoder(DecodeLimits.defaults());
        PdqHasher hasher = new PdqHasher();
        ImageReader jdkReader = jdkJpegReader();

        // warm up every path
        for (int i = 0; i < Math.max(3, iterations / 4); i++) {
            jdkDecode(jdkReader, jpeg);
            ImageIO.read(new ByteArrayInputStream(jpeg));
            hasher.hash(decoder.decode(jpeg, DecodeRequest.fullColour()).image());
            hasher.hash(decoder.decode(jpeg, DecodeRequest.luminanceOnly()).image());
        }

        long[] jdk = new long[iterations];
        long[] imageIo = new long[iterations];
        long[] decodeColour = new long[iterations];
        long[] hashColour = new long[iterations];
        long[] decodeLuma = new long[iterations];
        long[] hashLuma = new long[iterations];
        long[] dihedrals = new long[iterations];
        long[] digests = new long[iterations];
        for (int i = 0; i < iterations; i++) {
            long t0 = System.nanoTime();
            jdkDecode(jdkReader, jpeg);
            long t1 = System.nanoTime();
            ImageIO.read(new ByteArrayInputStream(jpeg));
            long t2 = System.nanoTime();
            DecodedImage colour = decoder.decode(jpeg, DecodeRequest.fullColour());
            long t3 = System.nanoTime();
            hasher.hash(colour.image());
            long t4 = System.nanoTime();
            DecodedImage luma = decoder.decode(jpeg, DecodeRequest.luminanceOnly());
            long t5 = System.nanoTime();
            hasher.hash(luma.image());
            long t6 = System.nanoTime();
            hasher.hashAllDihedrals(luma.image());
            long t7 = System.nanoTime();
            MessageDigest.getInstance("MD5").digest(jpeg);
            MessageDigest.getInstance("SHA-256").digest(jpeg);
            long t8 = System.nanoTime();
            jdk[i] = t1 - t0;
            imageIo[i] = t2 - t1;
            decodeColour[i] = t3 - t2;
            hashColour[i] = t4 - t3;
            decodeLuma[i] = t5 - t4;
            hashLuma[i] = t6 - t5;
            dihedrals[i] = t7 - t6;
            digests[i] = t8 - t7;
        }
        double reference = referenceHash + referenceDecode;
        double jdkDecode = median(jdk);
        System.out.printf(Locale.ROOT, "%n%dx%d JPEG (%,d bytes, %.2f bits/pixel), %d iterations, medians:%n", width,
                height, jpeg.length, jpeg.length * 8.0 / width / height, iterations);
        System.out.printf(Locale.ROOT, "  %-44s %9s %9s %9s %9s%n", "", "decode", "hash", "total", "images/s");
        row("reference Java PDQ (issue 3's figures)", referenceDecode, referenceHash);
        row("JDK JPEG decoder alone (decode limit)", jdkDecode, 0);
        row("ImageIO.read alone", median(imageIo), 0);
        double colourTotal = row("Vigil, colour decode + PDQ", median(decodeColour), median(hashColour));
        double lumaTotal = row("Vigil, luminance-only decode + PDQ", median(decodeLuma), median(hashLuma));
        System.out.printf(Locale.ROOT, "  %-44s %9s %9s%n", "  + all 8 dihedral hashes instead of 1", "",
                ms(median(dihedrals)));
        System.out.printf(Locale.ROOT, "  %-44s %9s %9s%n", "  + MD5 and SHA-256 of the file", "", ms(median(digests)));
        // The reference decodes with the same JDK decoder (ImageIO.read), so its total is (1 + hash/decode) times
        // the decode measured here: a speed-up that does not depend on how fast the machine was.
        double referenceHere = jdkDecode * (1 + referenceHash / referenceDecode);
        System.out.printf(Locale.ROOT, "  reference rescaled to this machine (its hash/decode ratio of %.1f on the JDK "
                + "decode measured here): %.1f ms%n", referenceHash / referenceDecode, referenceHere * 1e3);
        for (String[] path : new String[][] {{"colour path:   ", "c"}, {"luminance path:", "l"}}) {
            boolean colourPath = path[1].equals("c");
            double total = colourPath ? colourTotal : lumaTotal;
            double hash = colourPath ? median(hashColour) : median(hashLuma);
            double decode = colourPath ? median(decodeColour) : median(decodeLuma);
            System.out.printf(Locale.ROOT, "  %s %.1fx the reference rescaled (%.1fx its stated figures), %.2fx the "
                            + "decode limit's time, hash = %.0f%% of its decode%n", path[0], referenceHere / total,
                    reference / total, total / jdkDecode, 100 * hash / decode);
        }
    }

    private static double row(String name, double decode, double hash) {
        double total = decode + hash;
        System.out.printf(Locale.ROOT, "  %-44s %9s %9s %9s %9.1f%n", name, ms(decode), hash == 0 ? "" : ms(hash),
                ms(total), 1 / total);
        return total;
    }

    private static String ms(double seconds) {
        return String.format(Locale.ROOT, "%.1f ms", seconds * 1e3);
    }

    private static double median(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2] / 1e9;
    }

    private static ImageReader jdkJpegReader() {
        for (Iterator<ImageReader> it = ImageIO.getImageReadersByFormatName("jpeg"); it.hasNext(); ) {
            ImageReader reader = it.next();
            if (reader.getClass().getName().startsWith("com.sun.imageio.")) {
                return reader;
            }
        }
        throw new IllegalStateException("the JDK's JPEG reader is not registered");
    }

    private static BufferedImage jdkDecode(ImageReader reader, byte[] jpeg) throws IOException {
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(jpeg))) {
            reader.setInput(in, true, true);
            return reader.read(0);
        } finally {
            reader.reset();
        }
    }

    /**
     * A benign photo-like image: four octaves of smooth value noise per channel (large soft shapes, like a scene
     * out of focus) plus per-pixel grain, so that the JPEG holds about as much detail as a phone photo.
     */
    static BufferedImage photoLike(int width, int height, long seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        byte[] data = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        Random random = new Random(seed);
        float[][] channels = new float[3][];
        for (int c = 0; c < 3; c++) {
            channels[c] = new float[width * height];
            float amplitude = 1;
            for (int octave = 0; octave < 4; octave++) {
                int cells = 3 << (octave * 2); // 3, 12, 48, 192 cells across
                addValueNoise(channels[c], width, height, cells, amplitude, random);
                amplitude *= 0.45f;
            }
        }
        for (int p = 0; p < width * height; p++) {
            float grain = (float) random.nextGaussian() * 4;
            for (int c = 0; c < 3; c++) {
                int v = Math.round(128 + 70 * channels[c][p] + grain);
                data[p * 3 + 2 - c] = (byte) Math.max(0, Math.min(255, v)); // BGR
            }
        }
        return image;
    }

    private static void addValueNoise(float[] out, int width, int height, int cells, float amplitude, Random random) {
        int gridW = cells + 2;
        int gridH = Math.max(2, cells * height / width) + 2;
        float[] grid = new float[gridW * gridH];
        for (int i = 0; i < grid.length; i++) {
            grid[i] = random.nextFloat() * 2 - 1;
        }
        float sx = (float) cells / width;
        float sy = (float) (gridH - 2) / height;
        for (int y = 0; y < height; y++) {
            float gy = y * sy;
            int y0 = (int) gy;
            float fy = smooth(gy - y0);
            for (int x = 0; x < width; x++) {
                float gx = x * sx;
                int x0 = (int) gx;
                float fx = smooth(gx - x0);
                float top = lerp(grid[y0 * gridW + x0], grid[y0 * gridW + x0 + 1], fx);
                float bottom = lerp(grid[(y0 + 1) * gridW + x0], grid[(y0 + 1) * gridW + x0 + 1], fx);
                out[y * width + x] += amplitude * lerp(top, bottom, fy);
            }
        }
    }

    private static float smooth(float t) {
        return t * t * (3 - 2 * t);
    }

    private static float lerp(float a, float b, float t) {
        return a + (b - a) * t;
    }

    static byte[] jpeg(BufferedImage image, float quality) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
