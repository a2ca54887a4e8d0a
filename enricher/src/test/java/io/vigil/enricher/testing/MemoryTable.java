package io.vigil.enricher.testing;

import io.vigil.enricher.state.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/** A {@link Table} in a sorted map, for unit tests of the domain logic (the service's tables are RocksDB stores). */
public final class MemoryTable<V> implements Table<V> {

    private final TreeMap<String, V> rows = new TreeMap<>();

    @Override
    public V get(String key) {
        return rows.get(key);
    }

    @Override
    public void put(String key, V value) {
        rows.put(key, value);
    }

    @Override
    public void delete(String key) {
        rows.remove(key);
    }

    @Override
    public List<Map.Entry<String, V>> withPrefix(String prefix, int limit) {
        List<Map.Entry<String, V>> found = new ArrayList<>();
        for (Map.Entry<String, V> e : rows.tailMap(prefix, true).entrySet()) {
            if (!e.getKey().startsWith(prefix) || found.size() >= limit) {
                break;
            }
            found.add(Map.entry(e.getKey(), e.getValue()));
        }
        return found;
    }

    @Override
    public void forEach(BiConsumer<String, V> action) {
        new TreeMap<>(rows).forEach(action);
    }

    public int size() {
        return rows.size();
    }
}
