package io.vigil.enricher.state;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The state changes of one request of the network task, held in memory until the request is done and then written
 * once per row. Handling one photo touches the same rows several times (a cluster founded and then counted, a node
 * counted and then attached to a case, a sender's recent identifiers read, relinked and remembered): each would be a
 * store read or write with its serde, and each write a changelog record. Through these tables a row is read from the
 * store at most once per request, and written at most once, with its last value; a row the request created and
 * deleted again (read as absent, then written, then deleted) is not written at all.
 *
 * <p>Rows read are handed out as the same object for the rest of the request: callers change a record and then put
 * it, as they do with any table. A prefix scan or a full iteration first writes what is held, so that it sees every
 * change. Used from the task's thread only.
 */
public final class MessageWrites {

    private final List<Buffered<?>> tables = new ArrayList<>();

    /** {@code table} seen through this request's buffer. */
    public <V> Table<V> over(Table<V> table) {
        Buffered<V> buffered = new Buffered<>(table);
        tables.add(buffered);
        return buffered;
    }

    /** Writes every changed row (the request is done) and forgets what was read. */
    public void flush() {
        tables.forEach(Buffered::flush);
    }

    /** Forgets the request's changes without writing them (it failed and goes to the dead-letter topic). */
    public void discard() {
        tables.forEach(Buffered::discard);
    }

    /** Rows read or written in the current request: {@code null} values are rows known to be absent. */
    private static final class Buffered<V> implements Table<V> {
        private final Table<V> table;
        private final Map<String, V> rows = new HashMap<>();
        private final Set<String> changed = new LinkedHashSet<>();
        /** Rows the store did not hold when this request read them: deleting one again would only log a tombstone. */
        private final Set<String> absentFromStore = new HashSet<>();

        Buffered(Table<V> table) {
            this.table = table;
        }

        @Override
        public V get(String key) {
            if (rows.containsKey(key)) {
                return rows.get(key);
            }
            V value = table.get(key);
            rows.put(key, value);
            if (value == null) {
                absentFromStore.add(key);
            }
            return value;
        }

        @Override
        public void put(String key, V value) {
            rows.put(key, value);
            changed.add(key);
        }

        @Override
        public void delete(String key) {
            rows.put(key, null);
            changed.add(key);
        }

        @Override
        public List<Map.Entry<String, V>> withPrefix(String prefix, int limit) {
            flush();
            return table.withPrefix(prefix, limit);
        }

        @Override
        public void forEach(BiConsumer<String, V> action) {
            flush();
            table.forEach(action);
        }

        void flush() {
            for (String key : changed) {
                V value = rows.get(key);
                if (value == null) {
                    if (!absentFromStore.contains(key)) {
                        table.delete(key);
                    }
                } else {
                    table.put(key, value);
                }
            }
            discard();
        }

        void discard() {
            rows.clear();
            changed.clear();
            absentFromStore.clear();
        }
    }
}
