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

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The enricher's state stores as the service builds them (RocksDB, no record cache), opened in a directory of their
 * own and registered in processor contexts. Changelogging is off: it needs a broker, and what it adds per state
 * write is counted by the harness instead.
 */
final class Stores implements AutoCloseable {

    private final Path dir;
    private final Map<String, StateStore> opened = new HashMap<>();
    private final Map<String, org.apache.kafka.common.serialization.Serializer<Object>> serdes = new HashMap<>();
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
            serdes.put(builder.name(), valueSerializer(builder));
            // No record cache here: it needs a stream thread's cache, which a processor context of the tests does not have.
            StateStore store = builder.withCachingDisabled().withLoggingDisabled().build();
            store.init(owner.getStateStoreContext(), store);
            opened.put(store.name(), store);
        }
    }

    /** The value serde a store builder was given (Streams keeps it in a field of its builder). */
    @SuppressWarnings("unchecked")
    private static org.apache.kafka.common.serialization.Serializer<Object> valueSerializer(StoreBuilder<?> builder) {
        try {
            Class<?> type = builder.getClass();
            while (type != null) {
                for (java.lang.reflect.Field field : type.getDeclaredFields()) {
                    if (field.getName().equals("valueSerde")) {
                        field.setAccessible(true);
                        return ((org.apache.kafka.common.serialization.Serde<Object>) field.get(builder)).serializer();
                    }
                }
                type = type.getSuperclass();
            }
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalStateException("no value serde in " + builder.getClass());
    }

    static <K, V> MockProcessorContext<K, V> context(Path dir) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "enricher-benchmark");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, dir.toString());
        if (Boolean.getBoolean("vigil.benchmark.point-lookup")) {
            props.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, PointLookupRocksDbConfig.class);
        }
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

    /**
     * Bytes the named stores hold: every key and value as serialized into RocksDB and the changelog (RocksDB adds its
     * own per-entry overhead and compresses nothing by Streams' default).
     */
    long logicalBytes(String... names) {
        long total = 0;
        for (String name : names) {
            KeyValueStore<String, Object> store = get(name);
            org.apache.kafka.common.serialization.Serializer<Object> values = serdes.get(name);
            try (var rows = store.all()) {
                while (rows.hasNext()) {
                    var row = rows.next();
                    total += row.key.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + values.serialize(name, row.value).length;
                }
            }
        }
        return total;
    }

    @Override
    public void close() {
        opened.values().forEach(StateStore::close);
    }
}
