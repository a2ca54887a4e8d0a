package io.vigil.enricher.state;

import java.util.List;
import java.util.Map;

/**
 * A keyed table of the enricher's memory, as the domain logic sees it: a Kafka Streams state store in the service
 * (RocksDB, changelogged, exactly-once), plain memory in unit tests. Keys are strings; composite keys are built
 * with {@link Keys} so that one prefix selects one group of rows.
 */
public interface Table<V> {

    V get(String key);

    void put(String key, V value);

    void delete(String key);

    /** The rows whose key starts with {@code prefix}, in key order, at most {@code limit} of them. */
    List<Map.Entry<String, V>> withPrefix(String prefix, int limit);

    /** Every row, in key order; for rebuilding in-memory indexes on start-up and for periodic clean-up. */
    void forEach(java.util.function.BiConsumer<String, V> action);
}
