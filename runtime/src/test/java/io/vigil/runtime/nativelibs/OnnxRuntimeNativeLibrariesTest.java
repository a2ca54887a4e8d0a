package io.vigil.runtime.nativelibs;

import io.vigil.runtime.testing.JvmWithTemporaryDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class OnnxRuntimeNativeLibrariesTest {

    @Test
    void onnxRuntimeLoadsItsLibrariesFromThePidsDirectoryAndLeavesOnlyAnEmptyDirectoryOfItsOwn(@TempDir Path tmp) throws Exception {
        try (JvmWithTemporaryDirectory jvm = JvmWithTemporaryDirectory.startAndAwaitReady(OnnxRuntimeChild.class, tmp)) {
            assertThat(jvm.linesBeforeReady()).contains("prepared=true").anyMatch(line -> line.startsWith("version=1."));
            Path own = tmp.resolve(NativeLibraryDirectory.ROOT_NAME).resolve(Long.toString(jvm.pid()));
            assertThat(own.resolve(System.mapLibraryName("onnxruntime"))).isRegularFile();
            assertThat(own.resolve(System.mapLibraryName("onnxruntime4j_jni"))).isRegularFile();
            // OnnxRuntime.init() creates its temporary directory whatever the property says; it copies nothing into it.
            for (Path ortDirectory : entriesStartingWith(tmp, "onnxruntime-java")) {
                assertThat(ortDirectory).isEmptyDirectory();
            }
        }
    }

    private static List<Path> entriesStartingWith(Path directory, String prefix) throws Exception {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().startsWith(prefix)).toList();
        }
    }
}
