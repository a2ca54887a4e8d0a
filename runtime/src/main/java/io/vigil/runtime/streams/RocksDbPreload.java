package io.vigil.runtime.streams;

import io.vigil.runtime.nativelibs.RocksDbNativeLibrary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.LongSupplier;

/**
 * Loads RocksDB's native library on a thread of its own while the service builds its topologies and Streams clients.
 * Left to Kafka Streams, the load happens on a stream thread when it opens its first store, after the group's
 * assignment, on the path from a restart to the first output: RocksDB's loader copies its 15 MB library out of the jar
 * into the temporary directory and links it, 0.5-1.2 s measured on a loaded 2-core machine (docs/operations.md, "What a
 * restart's seconds are made of"). Every Vigil service keeps its state in RocksDB stores. RocksDB's loader is
 * idempotent and makes a caller that arrives during a load wait for it, so a stream thread that gets there first loses
 * nothing; a failure here is only logged, and the stream thread's own load reports it as it did before. The library is
 * copied into this JVM's own directory ({@link RocksDbNativeLibrary}), so that a killed service leaves nothing behind.
 */
final class RocksDbPreload {

    private static final Logger LOG = LoggerFactory.getLogger(RocksDbPreload.class);

    private RocksDbPreload() {
    }

    static Thread startInBackground(String service, LongSupplier jvmUpMillis) {
        Thread thread = new Thread(() -> {
            long started = System.currentTimeMillis();
            try {
                Path directory = RocksDbNativeLibrary.load();
                LOG.info("{} start-up: loading RocksDB's native library (from {}) took {} ms, in parallel (JVM up {} ms)", service,
                        directory, System.currentTimeMillis() - started, jvmUpMillis.getAsLong());
            } catch (IOException | RuntimeException | LinkageError e) {
                LOG.warn("{} start-up: RocksDB's native library did not load ahead of the stream threads: {}", service,
                        e.toString());
            }
        }, service + "-rocksdb-load");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
