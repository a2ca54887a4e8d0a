package io.vigil.benchmarks.enricher;

import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Counts the writes processors make to their stores: in the service each one is also a changelog record. */
final class CountingStores {

    private long writes;
    private long reads;
    /** Reads and writes of each store, to see which rows a kind of message costs. */
    private final Map<String, long[]> byStore = new TreeMap<>();

    long writes() {
        return writes;
    }

    /** Point reads and prefix scans. */
    long reads() {
        return reads;
    }

    <V> KeyValueStore<String, V> counting(KeyValueStore<String, V> store) {
        return new Counting<>(store);
    }

    /** A copy of each store's reads and writes so far. */
    Map<String, long[]> byStore() {
        Map<String, long[]> copy = new TreeMap<>();
        byStore.forEach((name, counts) -> copy.put(name, counts.clone()));
        return copy;
    }

    /** Each store's reads and writes per message since {@code before}, as "store r/w", busiest first. */
    String perMessageSince(Map<String, long[]> before, int messages) {
        List<String> parts = new ArrayList<>();
        byStore.entrySet().stream()
                .map(e -> {
                    long[] was = before.getOrDefault(e.getKey(), new long[2]);
                    return Map.entry(e.getKey(), new long[]{e.getValue()[0] - was[0], e.getValue()[1] - was[1]});
                })
                .filter(e -> e.getValue()[0] + e.getValue()[1] > 0)
                .sorted((a, b) -> Long.compare(b.getValue()[0] + b.getValue()[1], a.getValue()[0] + a.getValue()[1]))
                .forEach(e -> parts.add(String.format(Locale.ROOT, "%s %.2f/%.2f", e.getKey(), (double) e.getValue()[0] / messages,
                        (double) e.getValue()[1] / messages)));
        return String.join(", ", parts);
    }

    private void read(String store) {
        reads++;
        byStore.computeIfAbsent(store, name -> new long[2])[0]++;
    }

    private void wrote(String store, int rows) {
        writes += rows;
        byStore.computeIfAbsent(store, name -> new long[2])[1] += rows;
    }

    private final class Counting<V> implements KeyValueStore<String, V> {
        private final KeyValueStore<String, V> store;

        Counting(KeyValueStore<String, V> store) {
            this.store = store;
        }

        @Override
        public void put(String key, V value) {
            wrote(store.name(), 1);
            store.put(key, value);
        }

        @Override
        public V putIfAbsent(String key, V value) {
            wrote(store.name(), 1);
            return store.putIfAbsent(key, value);
        }

        @Override
        public void putAll(List<KeyValue<String, V>> entries) {
            wrote(store.name(), entries.size());
            store.putAll(entries);
        }

        @Override
        public V delete(String key) {
            wrote(store.name(), 1);
            return store.delete(key);
        }

        @Override
        public V get(String key) {
            read(store.name());
            return store.get(key);
        }

        @Override
        public KeyValueIterator<String, V> range(String from, String to) {
            return store.range(from, to);
        }

        @Override
        public KeyValueIterator<String, V> all() {
            return store.all();
        }

        @Override
        public <PS extends Serializer<P>, P> KeyValueIterator<String, V> prefixScan(P prefix, PS serializer) {
            read(store.name());
            return store.prefixScan(prefix, serializer);
        }

        @Override
        public long approximateNumEntries() {
            return store.approximateNumEntries();
        }

        @Override
        public String name() {
            return store.name();
        }

        @Override
        public void init(StateStoreContext context, StateStore root) {
            // the wrapped store is open already
        }

        @Override
        public void close() {
            // the wrapped store is closed by its owner
        }

        @Override
        public boolean persistent() {
            return store.persistent();
        }

        @Override
        public boolean isOpen() {
            return store.isOpen();
        }
    }
}
