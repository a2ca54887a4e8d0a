package io.vigil.runtime.nativelibs;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Copies ONNX Runtime's native libraries into this JVM's {@link NativeLibraryDirectory} and points ONNX Runtime's loader
 * at them. Left to itself, {@code ai.onnxruntime.OnnxRuntime} (1.23.2) copies them into a fresh {@code onnxruntime-java*}
 * temporary directory per JVM that only a clean exit deletes. Its system property {@code onnxruntime.native.path} makes
 * it load {@code libonnxruntime} and {@code libonnxruntime4j_jni} from a directory instead; it still creates its
 * temporary directory, but leaves it empty. An operator who set the property keeps it, and a platform whose libraries
 * this class does not know how to find in the jar is left to ONNX Runtime's own loader.
 */
public final class OnnxRuntimeNativeLibraries {

    private static final Logger LOG = LoggerFactory.getLogger(OnnxRuntimeNativeLibraries.class);
    /** {@code OnnxRuntime.ONNXRUNTIME_NATIVE_PATH}, onnxruntime 1.23.2. */
    static final String NATIVE_PATH_PROPERTY = "onnxruntime.native.path";
    /** The libraries {@code OnnxRuntime.init()} loads, in its order; the providers are loaded by the first. */
    private static final List<String> LIBRARIES = List.of("onnxruntime", "onnxruntime4j_jni");

    private static boolean prepared;

    private OnnxRuntimeNativeLibraries() {
    }

    /**
     * Call before anything touches ONNX Runtime; later calls do nothing. Returns the directory the libraries were copied
     * into, or empty when ONNX Runtime's own loader is left to place them.
     */
    public static synchronized Optional<Path> prepare() {
        if (prepared) {
            return Optional.ofNullable(System.getProperty(NATIVE_PATH_PROPERTY)).map(Path::of);
        }
        prepared = true;
        if (System.getProperty(NATIVE_PATH_PROPERTY) != null) {
            return Optional.of(Path.of(System.getProperty(NATIVE_PATH_PROPERTY)));
        }
        Optional<String> platform = platform();
        if (platform.isEmpty()) {
            return Optional.empty();
        }
        try {
            Path directory = NativeLibraryDirectory.ofThisProcess();
            for (String library : LIBRARIES) {
                String fileName = System.mapLibraryName(library);
                try (InputStream in = OnnxRuntimeNativeLibraries.class.getResourceAsStream(
                        "/ai/onnxruntime/native/" + platform.get() + "/" + fileName)) {
                    if (in == null) {
                        return Optional.empty();
                    }
                    Path file = directory.resolve(fileName);
                    Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                    file.toFile().deleteOnExit();
                }
            }
            System.setProperty(NATIVE_PATH_PROPERTY, directory.toString());
            return Optional.of(directory);
        } catch (IOException e) {
            LOG.warn("ONNX Runtime's native libraries are left to its own loader (a temporary directory of its own): {}",
                    e.toString());
            return Optional.empty();
        }
    }

    /** The jar's folder for this machine, as {@code OnnxRuntime.initOsArch()} names it, for the Linux builds it ships. */
    private static Optional<String> platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        if (!os.contains("linux")) {
            return Optional.empty();
        }
        if (arch.equals("amd64") || arch.equals("x86_64")) {
            return Optional.of("linux-x64");
        }
        if (arch.equals("aarch64")) {
            return Optional.of("linux-aarch64");
        }
        return Optional.empty();
    }
}
