package io.vigil.runtime.streams;

import io.vigil.runtime.testing.JvmWithTemporaryDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class RocksDbPreloadTest {

    @Test
    void aServiceLoadsRocksDbFromItsPidsDirectoryAndTheNextStartRemovesItOnceTheJvmWasKilled(@TempDir Path tmp) throws Exception {
        Path root = tmp.resolve("vigil-native");
        Path killedJvmsDirectory;
        try (JvmWithTemporaryDirectory first = JvmWithTemporaryDirectory.startAndAwaitReady(RocksDbPreloadChild.class, tmp,
                tmp.resolve("first-db").toString())) {
            killedJvmsDirectory = root.resolve(Long.toString(first.pid()));
            assertThat(namesStartingWith(killedJvmsDirectory, "librocksdbjni")).hasSize(1);
            assertThat(namesStartingWith(tmp, "librocksdbjni")).isEmpty();
            assertThat(first.linesBeforeReady()).contains("copied-again=false");
            first.kill();
        }
        assertThat(killedJvmsDirectory).isDirectory();

        try (JvmWithTemporaryDirectory second = JvmWithTemporaryDirectory.startAndAwaitReady(RocksDbPreloadChild.class, tmp,
                tmp.resolve("second-db").toString())) {
            assertThat(killedJvmsDirectory).doesNotExist();
            assertThat(namesStartingWith(root.resolve(Long.toString(second.pid())), "librocksdbjni")).hasSize(1);
            assertThat(namesStartingWith(tmp, "librocksdbjni")).isEmpty();
        }
    }

    private static List<String> namesStartingWith(Path directory, String prefix) throws Exception {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.startsWith(prefix)).toList();
        }
    }
}
