package io.vigil.benchmarks.nudity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.detector.media.DecodeLimits;
import io.vigil.detector.media.DecodedImage;
import io.vigil.detector.media.ImageDecodeException;
import io.vigil.detector.media.ImageDecoder;
import io.vigil.detector.nudity.NudityClassifier;
import io.vigil.detector.nudity.RuntimeOptions;
import io.vigil.modelimport.parity.NsfwjsNodeTool;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Images per CPU-second (one core) of the nudity classifier on one thread, next to NSFWJS in Node (wasm backend, one thread) on
 * the same 1280x960 JPEGs in the same run: the whole path (decode with the detector's shared decoder + preprocess +
 * inference), its parts, and batched inference against single images. Run it pinned to one core ({@code taskset -c 1}) so both sides get one core
 * (Node is started as a child process and inherits the pinning).
 *
 * <pre>
 * taskset -c 1 java -cp benchmarks/target/benchmarks.jar io.vigil.benchmarks.nudity.NudityBenchmark [--seconds=3] [--rounds=3]
 *     [--images=8] [--batch=8] [--node-backend=wasm]
 * </pre>
 */
public final class NudityBenchmark {

    private static final com.sun.management.OperatingSystemMXBean PROCESS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final int WIDTH = 1280;
    private static final int HEIGHT = 960;
    private static final ImageDecoder DECODER = new ImageDecoder(DecodeLimits.defaults());

    private final double seconds;
    private final int rounds;
    private final int batch;
    /** Where the whole path's time goes, accumulated by the step being measured, and kept for the fastest round. */
    private final Phases phases = new Phases();
    private Phases bestRoundPhases = new Phases();
    private Phases wholePathSplit;

    private static final class Phases {
        long decodeAndPreprocess;
        long inference;

        double decodeAndPreprocessShare() {
            return decodeAndPreprocess / (double) (decodeAndPreprocess + inference);
        }
    }

    private NudityBenchmark(double seconds, int rounds, int batch) {
        this.seconds = seconds;
        this.rounds = rounds;
        this.batch = batch;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int imageCount = Integer.parseInt(options.getOrDefault("images", "8"));
        NudityBenchmark benchmark = new NudityBenchmark(Double.parseDouble(options.getOrDefault("seconds", "3")),
                Integer.parseInt(options.getOrDefault("rounds", "3")), Integer.parseInt(options.getOrDefault("batch", "8")));
        benchmark.run(imageCount, options.getOrDefault("node-backend", "wasm"));
    }

    private void run(int imageCount, String nodeBackend) throws Exception {
        Path work = Files.createDirectories(Path.of("target", "nudity-benchmark").toAbsolutePath());
        Path jpegDir = Files.createDirectories(work.resolve("jpegs"));
        List<byte[]> jpegs = new ArrayList<>();
        for (int i = 0; i < imageCount; i++) {
            byte[] jpeg = BenchmarkImages.photoLikeJpeg(WIDTH, HEIGHT, i);
            Files.write(jpegDir.resolve(String.format("photo_%02d.jpg", i)), jpeg);
            jpegs.add(jpeg);
        }
        long totalBytes = jpegs.stream().mapToLong(j -> j.length).sum();

        Map<String, Double> java = new LinkedHashMap<>();
        try (NudityClassifier classifier = NudityClassifier.openDefault(RuntimeOptions.cpu().withIntraOpThreads(1).withMaxBatchSize(batch))) {
            List<NudityClassifier.Input> decoded = new ArrayList<>();
            for (byte[] jpeg : jpegs) {
                decoded.add(NudityClassifier.Input.of(decode(jpeg)));
            }
            int perImage = classifier.preprocessor().valuesPerImage();
            float[] single = preprocess(classifier, decoded.get(0), new float[perImage], 0);
            float[] batched = new float[batch * perImage];
            for (int i = 0; i < batch; i++) {
                preprocess(classifier, decoded.get(i % decoded.size()), batched, i * perImage);
            }
            Files.write(work.resolve("tensor.f32"), littleEndian(single));

            java.put("decode", measure(1, i -> decode(jpegs.get(i % jpegs.size()))));
            java.put("preprocess", measure(1, i -> preprocess(classifier, decoded.get(i % decoded.size()), new float[perImage], 0)));
            java.put("inference", measure(1, i -> classifier.infer(single, 1)));
            java.put("inference-batch", measure(batch, i -> classifier.infer(batched, batch)));
            float[] tensor = new float[perImage];
            java.put("whole", measure(1, i -> {
                long start = threadCpuNanos();
                preprocess(classifier, NudityClassifier.Input.of(decode(jpegs.get(i % jpegs.size()))), tensor, 0);
                long preprocessed = threadCpuNanos();
                classifier.score(tensor, 1);
                phases.decodeAndPreprocess += preprocessed - start;
                phases.inference += threadCpuNanos() - preprocessed;
            }));
            wholePathSplit = bestRoundPhases;
            java.put("whole-batch", measure(batch, i -> {
                List<NudityClassifier.Input> inputs = new ArrayList<>(batch);
                for (int k = 0; k < batch; k++) {
                    inputs.add(NudityClassifier.Input.of(decode(jpegs.get((i * batch + k) % jpegs.size()))));
                }
                classifier.classifyAll(inputs);
            }));
        }

        Optional<JsonNode> node = nsfwjs(work, jpegDir, nodeBackend);
        report(imageCount, totalBytes, java, node);
    }

    private Optional<JsonNode> nsfwjs(Path work, Path jpegDir, String backend) throws IOException {
        StringBuilder whyNot = new StringBuilder();
        Optional<NsfwjsNodeTool> tool = NsfwjsNodeTool.locate(Path.of(""), whyNot);
        if (tool.isEmpty()) {
            System.out.println("NSFWJS baseline not measured: " + whyNot);
            return Optional.empty();
        }
        tool.get().ensureInstalled();
        Path out = work.resolve("nsfwjs.json");
        tool.get().runScript("bench.mjs", List.of("--images=" + jpegDir, "--tensor=" + work.resolve("tensor.f32"), "--out=" + out,
                "--backend=" + backend, "--seconds=" + seconds, "--rounds=" + rounds), 30);
        return Optional.of(new ObjectMapper().readTree(out.toFile()));
    }

    private void report(int imageCount, long totalBytes, Map<String, Double> java, Optional<JsonNode> node) {
        System.out.printf("Nudity classifier benchmark: %d photo-like %dx%d JPEGs (%.0f KB on average), one thread each side, "
                        + "images per CPU-second, best of %d rounds of %.1f s%n", imageCount, WIDTH, HEIGHT, totalBytes / 1024.0 / imageCount,
                rounds, seconds);
        System.out.printf("Java %s, %s, %d processors visible%n", System.getProperty("java.version"), cpuModel(),
                Runtime.getRuntime().availableProcessors());
        System.out.printf("%-58s %10s %10s%n", "", "images/s", "ms/image");
        row("Vigil decode (shared ImageDecoder, classifier's request)", java.get("decode"));
        row("Vigil preprocess (orient, resize to 224, normalise)", java.get("preprocess"));
        row("Vigil inference, batch 1 (ONNX Runtime, 1 thread)", java.get("inference"));
        row("Vigil inference, batch " + batch, java.get("inference-batch"));
        row("Vigil whole path, batch 1 (decode + preprocess + inference)", java.get("whole"));
        row("Vigil whole path, batch " + batch, java.get("whole-batch"));
        node.ifPresent(n -> {
            String backend = n.path("backend").asText() + (n.path("simd").asBoolean() ? " SIMD" : "");
            row("NSFWJS inference (TF.js " + n.path("tfjs").asText() + ", " + backend + ", 1 thread)", n.get("inference").asDouble());
            row("NSFWJS decode (jpeg-js)", n.get("decode").asDouble());
            row("NSFWJS whole path (jpeg-js + classify)", n.get("whole").asDouble());
        });
        System.out.printf("Decode + preprocess share of Vigil's whole path (thread CPU time inside it): %.1f%% (goal: at most 50%%)%n",
                100 * wholePathSplit.decodeAndPreprocessShare());
        System.out.printf("Batch %d vs 1: inference x%.2f, whole path x%.2f%n", batch,
                java.get("inference-batch") / java.get("inference"), java.get("whole-batch") / java.get("whole"));
        node.ifPresent(n -> {
            System.out.printf("Vigil / NSFWJS, whole path: x%.1f (goal: at least x5)%n", java.get("whole") / n.get("whole").asDouble());
            System.out.printf("Vigil / NSFWJS, inference alone: x%.1f%n", java.get("inference") / n.get("inference").asDouble());
        });
    }

    private static void row(String what, double imagesPerSecond) {
        System.out.printf("%-58s %10.1f %10.2f%n", what, imagesPerSecond, 1000 / imagesPerSecond);
    }

    /** An action on image {@code i}. */
    private interface Step {
        void run(int i) throws Exception;
    }

    /**
     * Best images per CPU-second over the rounds, each running {@code step} (worth {@code imagesPerStep}) for at least
     * {@code seconds} of wall time. CPU time of the whole process (GC and JIT threads included) is what one core
     * spends; on a shared machine it is steadier than wall time, and on an idle pinned core the two agree.
     */
    private double measure(int imagesPerStep, Step step) throws Exception {
        for (int i = 0; i < 5; i++) {
            step.run(i); // warm-up: JIT, ONNX Runtime's first-run allocations
        }
        double best = 0;
        for (int round = 0; round < rounds; round++) {
            phases.decodeAndPreprocess = 0;
            phases.inference = 0;
            int steps = 0;
            long cpuStart = PROCESS.getProcessCpuTime();
            long end = System.nanoTime() + (long) (seconds * 1e9);
            do {
                step.run(steps++);
            } while (System.nanoTime() < end);
            double imagesPerCpuSecond = steps * imagesPerStep / ((PROCESS.getProcessCpuTime() - cpuStart) / 1e9);
            if (imagesPerCpuSecond > best) {
                best = imagesPerCpuSecond;
                bestRoundPhases = new Phases();
                bestRoundPhases.decodeAndPreprocess = phases.decodeAndPreprocess;
                bestRoundPhases.inference = phases.inference;
            }
        }
        return best;
    }

    /** CPU time of the calling thread, which runs decoding, preprocessing and (one intra-op thread) inference. */
    private static long threadCpuNanos() {
        return THREADS.getCurrentThreadCpuTime();
    }

    /** As the detector decodes a media item for the classifier (and PDQ beside it). */
    private static DecodedImage decode(byte[] jpeg) throws ImageDecodeException {
        return DECODER.decode(jpeg, NudityClassifier.DECODE_REQUEST);
    }

    private static float[] preprocess(NudityClassifier classifier, NudityClassifier.Input input, float[] target, int offset) {
        classifier.preprocessor().preprocess(input.image(), input.orientation(), target, offset);
        return target;
    }

    private static byte[] littleEndian(float[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(values);
        return buffer.array();
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).strip()).findFirst().orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("options look like --name=value, got " + arg);
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        return options;
    }
}
