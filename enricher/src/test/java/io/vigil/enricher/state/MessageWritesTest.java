package io.vigil.enricher.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.enricher.testing.MemoryTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/** One request's rows: read from the store at most once, written once with their last value, and only when done. */
class MessageWritesTest {

    /** Counts what reaches the store. */
    private static final class CountingTable<V> implements Table<V> {
        final MemoryTable<V> rows = new MemoryTable<>();
        final List<String> calls = new ArrayList<>();

        @Override
        public V get(String key) {
            calls.add("get " + key);
            return rows.get(key);
        }

        @Override
        public void put(String key, V value) {
            calls.add("put " + key + "=" + value);
            rows.put(key, value);
        }

        @Override
        public void delete(String key) {
            calls.add("delete " + key);
            rows.delete(key);
        }

        @Override
        public List<Map.Entry<String, V>> withPrefix(String prefix, int limit) {
            calls.add("scan " + prefix);
            return rows.withPrefix(prefix, limit);
        }

        @Override
        public void forEach(BiConsumer<String, V> action) {
            calls.add("all");
            rows.forEach(action);
        }
    }

    @Test
    void aRowTouchedManyTimesInOneRequestIsReadOnceAndWrittenOnceWithItsLastValue() {
        CountingTable<Long> store = new CountingTable<>();
        store.rows.put("a", 1L);
        MessageWrites writes = new MessageWrites();
        Table<Long> table = writes.over(store);

        assertThat(table.get("a")).isEqualTo(1L);
        table.put("a", 2L);
        assertThat(table.get("a")).isEqualTo(2L);
        table.put("a", 3L);
        assertThat(table.get("b")).isNull();
        assertThat(table.get("b")).isNull();
        table.put("b", 7L);
        table.put("c", 9L);
        table.delete("c");
        assertThat(table.get("c")).isNull();
        assertThat(store.rows.get("a")).as("nothing written before the request is done").isEqualTo(1L);

        writes.flush();
        assertThat(store.calls).containsExactly("get a", "get b", "put a=3", "put b=7", "delete c");
        assertThat(store.rows.get("a")).isEqualTo(3L);
        assertThat(store.rows.get("b")).isEqualTo(7L);

        store.calls.clear();
        assertThat(table.get("a")).as("the next request reads the store again").isEqualTo(3L);
        writes.flush();
        assertThat(store.calls).containsExactly("get a");
    }

    @Test
    void aFailedRequestWritesNothing() {
        CountingTable<Long> store = new CountingTable<>();
        MessageWrites writes = new MessageWrites();
        Table<Long> table = writes.over(store);
        table.put("a", 1L);
        writes.discard();
        writes.flush();
        assertThat(store.rows.size()).isZero();
        assertThat(table.get("a")).isNull();
    }

    @Test
    void scansSeeTheRequestsChangesOfEveryTableTheyScan() {
        CountingTable<Long> first = new CountingTable<>();
        CountingTable<Long> second = new CountingTable<>();
        first.rows.put(Keys.of("x", "old"), 1L);
        MessageWrites writes = new MessageWrites();
        Table<Long> a = writes.over(first);
        Table<Long> b = writes.over(second);
        a.put(Keys.of("x", "new"), 2L);
        a.delete(Keys.of("x", "old"));
        b.put("y", 3L);
        assertThat(a.withPrefix(Keys.under("x"), 10)).containsExactly(Map.entry(Keys.of("x", "new"), 2L));
        List<String> all = new ArrayList<>();
        b.forEach((key, value) -> all.add(key + "=" + value));
        assertThat(all).containsExactly("y=3");
    }

    @Test
    void aRowTheRequestFoundAbsentCreatedAndDeletedAgainNeverReachesTheStore() {
        CountingTable<Long> store = new CountingTable<>();
        store.rows.put("held", 1L);
        MessageWrites writes = new MessageWrites();
        Table<Long> table = writes.over(store);

        assertThat(table.get("queued")).isNull();
        table.put("queued", 5L);
        table.delete("queued");
        assertThat(table.get("held")).isEqualTo(1L);
        table.delete("held");
        writes.flush();

        assertThat(store.calls).as("a row the store holds is still deleted").containsExactly("get queued", "get held", "delete held");
        assertThat(store.rows.size()).isZero();
    }
}
