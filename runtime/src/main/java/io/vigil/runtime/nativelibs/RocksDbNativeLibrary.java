package io.vigil.runtime.nativelibs;

import org.rocksdb.NativeLibraryLoader;
import org.rocksdb.RocksDB;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Loads RocksDB's JNI library from this JVM's {@link NativeLibraryDirectory}. rocksdbjni's {@code NativeLibraryLoader}
 * (10.1.3, as Kafka Streams 4.3 brings it) copies the library to a fixed name in the directory it is given, instead of a
 * fresh {@code librocksdbjni*.so} temporary file, and remembers in a static flag that it has loaded it, so a second
 * call in the same JVM (tests run several services in one) copies nothing. {@link RocksDB#loadLibrary()}, which every
 * RocksDB class calls when it is first used, then finds the library loaded. It must run before anything else touches
 * RocksDB: a store opened first would load the library into a temporary file of its own.
 */
public final class RocksDbNativeLibrary {

    private RocksDbNativeLibrary() {
    }

    /** Loads the library (once per JVM) and returns the directory it was copied into. */
    public static Path load() throws IOException {
        Path directory = NativeLibraryDirectory.ofThisProcess();
        NativeLibraryLoader.getInstance().loadLibrary(directory.toString());
        RocksDB.loadLibrary();
        return directory;
    }
}
