package io.vigil.runtime.streams;

import io.vigil.runtime.nativelibs.NativeLibraryDirectory;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.stream.Stream;

/**
 * The main of the JVM {@link RocksDbPreloadTest} starts: two services' preloads, as tests run several services in one
 * JVM, then a RocksDB database opened and written, then it waits to be killed. It prints whether the second preload
 * copied the library again: the first copy's modification time is set to the epoch in between, a new copy would not
 * have it.
 */
public final class RocksDbPreloadChild {

    private RocksDbPreloadChild() {
    }

    public static void main(String[] args) throws Exception {
        RocksDbPreload.startInBackground("first-service", () -> 0).join();
        Path library = library(NativeLibraryDirectory.ofThisProcess());
        Files.setLastModifiedTime(library, FileTime.fromMillis(0));
        RocksDbPreload.startInBackground("second-service", () -> 0).join();
        boolean copiedAgain = !Files.getLastModifiedTime(library(NativeLibraryDirectory.ofThisProcess())).equals(FileTime.fromMillis(0));
        try (Options options = new Options().setCreateIfMissing(true); RocksDB db = RocksDB.open(options, args[0])) {
            db.put("key".getBytes(StandardCharsets.UTF_8), "value".getBytes(StandardCharsets.UTF_8));
        }
        System.out.println("copied-again=" + copiedAgain);
        System.out.println("ready");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }

    private static Path library(Path directory) throws Exception {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().startsWith("librocksdbjni")).findFirst().orElseThrow();
        }
    }
}
