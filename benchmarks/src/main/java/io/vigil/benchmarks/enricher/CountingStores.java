package io.vigil.benchmarks.enricher;

import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import java.util.List;

/** Counts the writes processors make to their stores: in the service each one is also a changelog record. */
final class CountingStores {

    private long writes;
    private long reads;

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

    private final class Counting<V> implements KeyValueStore<String, V> {
        private final KeyValueStore<String, V> store;

        Counting(KeyValueStore<String, V> store) {
            this.store = store;
        }

        @Override
        public void put(String key, V value) {
            writes++;
            store.put(key, value);
        }

        @Override
        public V putIfAbsent(String key, V value) {
            writes++;
            return store.putIfAbsent(key, value);
        }

        @Override
        public void putAll(List<KeyValue<String, V>> entries) {
            writes += entries.size();
            store.putAll(entries);
        }

        @Override
        public V delete(String key) {
            writes++;
            return store.delete(key);
        }

        @Override
        public V get(String key) {
            reads++;
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
            reads++;
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
