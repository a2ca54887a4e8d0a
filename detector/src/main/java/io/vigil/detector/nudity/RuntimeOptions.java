package io.vigil.detector.nudity;

/**
 * How classifier sessions run.
 *
 * @param intraOpThreads threads ONNX Runtime may use inside one inference; 1 keeps one stream thread on one core,
 *                       which is how the detector scales (more stream threads), 0 lets ONNX Runtime choose
 * @param provider       the execution provider wanted; CUDA falls back to CPU when unavailable
 * @param cudaDevice     the GPU to use with CUDA
 * @param maxBatchSize   the most images sent to the model in one run by {@link NudityClassifier#classifyAll}
 */
public record RuntimeOptions(int intraOpThreads, ExecutionProvider provider, int cudaDevice, int maxBatchSize) {

    /**
     * Images per run by default. On one CPU core batching neither gains nor loses (docs/benchmarks.md: MobileNetV2
     * is compute-bound); an accelerator gains from it; 8 keeps one run's input under 5 MB.
     */
    public static final int DEFAULT_MAX_BATCH = 8;

    public RuntimeOptions {
        if (intraOpThreads < 0) {
            throw new IllegalArgumentException("intraOpThreads must be 0 (ONNX Runtime decides) or more, got " + intraOpThreads);
        }
        if (provider == null) {
            throw new IllegalArgumentException("provider is required (CPU or CUDA)");
        }
        if (cudaDevice < 0) {
            throw new IllegalArgumentException("cudaDevice must be 0 or more, got " + cudaDevice);
        }
        if (maxBatchSize < 1) {
            throw new IllegalArgumentException("maxBatchSize must be at least 1, got " + maxBatchSize);
        }
    }

    /** One intra-op thread on the CPU. */
    public static RuntimeOptions cpu() {
        return new RuntimeOptions(1, ExecutionProvider.CPU, 0, DEFAULT_MAX_BATCH);
    }

    public RuntimeOptions withIntraOpThreads(int threads) {
        return new RuntimeOptions(threads, provider, cudaDevice, maxBatchSize);
    }

    public RuntimeOptions withProvider(ExecutionProvider wanted) {
        return new RuntimeOptions(intraOpThreads, wanted, cudaDevice, maxBatchSize);
    }

    public RuntimeOptions withMaxBatchSize(int images) {
        return new RuntimeOptions(intraOpThreads, provider, cudaDevice, images);
    }
}
