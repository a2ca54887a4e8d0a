package io.vigil.detector.nudity;

/** Where ONNX Runtime runs a model. */
public enum ExecutionProvider {
    CPU,
    /**
     * NVIDIA GPUs. Needs ONNX Runtime's GPU build ({@code com.microsoft.onnxruntime:onnxruntime_gpu} in place of
     * {@code onnxruntime}) and CUDA on the machine; otherwise Vigil says so and runs on the CPU.
     */
    CUDA
}
