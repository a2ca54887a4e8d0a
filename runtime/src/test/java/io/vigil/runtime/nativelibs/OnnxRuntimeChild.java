package io.vigil.runtime.nativelibs;

import ai.onnxruntime.OrtEnvironment;

/** The main of the JVM {@link OnnxRuntimeNativeLibrariesTest} starts: ONNX Runtime loaded as the detector loads it. */
public final class OnnxRuntimeChild {

    private OnnxRuntimeChild() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println("prepared=" + OnnxRuntimeNativeLibraries.prepare().isPresent());
        System.out.println("version=" + OrtEnvironment.getEnvironment().getVersion());
        System.out.println("ready");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
