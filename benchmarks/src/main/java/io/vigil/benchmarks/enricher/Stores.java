package io.vigil.benchmarks.enricher;

import io.vigil.enricher.EnricherStores;
import io.vigil.enricher.EnricherTopology;
import io.vigil.schemas.GroupMetadata;
import io.vigil.schemas.serde.AvroSerde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The enricher's state stores as the service builds them (RocksDB, no record cache), opened in a directory of their
 * own and registered in processor contexts. Changelogging is off: it needs a broker, and what it adds per state
 * write is counted by the harness instead.
 */
final class Stores implements AutoCloseable {

    private final Path dir;
    private final Map<String, StateStore> opened = new HashMap<>();
    private final MockProcessorContext<Object, Object> owner;

    Stores(Path dir) {
        this.dir = dir;
        this.owner = context(dir);
        List<StoreBuilder<?>> builders = new ArrayList<>(EnricherStores.chatStores());
        builders.addAll(EnricherStores.networkStores());
        builders.add(org.apache.kafka.streams.state.Stores.keyValueStoreBuilder(
                org.apache.kafka.streams.state.Stores.persistentKeyValueStore(EnricherTopology.GROUP_STORE), Serdes.String(),
                AvroSerde.of(GroupMetadata.class)));
        for (StoreBuilder<?> builder : builders) {
            StateStore store = builder.withLoggingDisabled().build();
            store.init(owner.getStateStoreContext(), store);
            opened.put(store.name(), store);
        }
    }

    static <K, V> MockProcessorContext<K, V> context(Path dir) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "enricher-benchmark");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, dir.toString());
        return new MockProcessorContext<>(props, new org.apache.kafka.streams.processor.TaskId(0, 0), dir.toFile());
    }

    /** Registers the named stores in a processor's context, as the topology connects them. */
    void connect(MockProcessorContext<?, ?> context, String... names) {
        for (String name : names) {
            context.addStateStore(opened.get(name));
        }
    }

    @SuppressWarnings("unchecked")
    <V> KeyValueStore<String, V> get(String name) {
        return (KeyValueStore<String, V>) opened.get(name);
    }

    void flush() {
        opened.values().forEach(StateStore::flush);
    }

    /** Bytes on disk of the named stores' RocksDB files (SSTs, manifests; no WAL: Streams disables it). */
    long bytesOnDisk(String... names) {
        long total = 0;
        for (String name : names) {
            try (Stream<Path> files = Files.walk(dir)) {
                total += files.filter(p -> p.getParent() != null && p.toString().contains("/" + name + "/") && Files.isRegularFile(p))
                        .mapToLong(p -> {
                            try {
                                return Files.size(p);
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        }).sum();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return total;
    }

    @Override
    public void close() {
        opened.values().forEach(StateStore::close);
    }
}
