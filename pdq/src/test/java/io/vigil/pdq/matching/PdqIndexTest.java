package io.vigil.pdq.matching;

import io.vigil.pdq.testing.RandomHashes;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.pdq.Hash256;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The index against brute force: always the same matches. */
class PdqIndexTest {

    private static final int[] RADII = {0, 1, 8, 16, 31, 40, 64};

    /** A reference model: the live entries in a map, searched by a plain scan. */
    private static final class Model {
        final Map<Integer, Hash256> entries = new HashMap<>();

        Set<PdqMatch> search(Hash256 query, int radius) {
            Set<PdqMatch> found = new HashSet<>();
            entries.forEach((id, h) -> {
                int d = h.distance(query);
                if (d <= radius) {
                    found.add(new PdqMatch(id, d));
                }
            });
            return found;
        }
    }

    @Test
    void bulkLoadedIndexEqualsBruteForceOnRandomAndPlantedHashes() {
        Random random = new Random(11);
        List<Hash256> hashes = new ArrayList<>();
        List<Hash256> queries = new ArrayList<>();
        for (int i = 0; i < 30_000; i++) {
            hashes.add(RandomHashes.random(random));
        }
        for (int q = 0; q < 120; q++) {
            Hash256 base = RandomHashes.random(random);
            queries.add(base);
            for (int d = 0; d <= 40; d += 1 + random.nextInt(4)) {
                hashes.add(RandomHashes.near(base, d, random)); // planted near-duplicates at 0..40
            }
        }
        try (PdqIndex index = new PdqIndex()) {
            int[] ids = index.addAll(hashes);
            Model model = new Model();
            for (int i = 0; i < ids.length; i++) {
                model.entries.put(ids[i], hashes.get(i));
            }
            assertThat(index.stats().layouts()).as("a bulk load is one indexed segment")
                    .singleElement().asString().doesNotContain("scan");
            assertSameAsBruteForce(index, model, queries);
        }
    }

    @Test
    void incrementalAddsRemovesAndMergesStayExact() throws Exception {
        Random random = new Random(12);
        PdqIndexConfig small = new PdqIndexConfig(31, 64, 3, 96, 1 << 16); // many seals and merges
        try (PdqIndex index = new PdqIndex(small)) {
            Model model = new Model();
            List<Hash256> queries = new ArrayList<>();
            for (int round = 0; round < 12; round++) {
                for (int i = 0; i < 1500; i++) {
                    Hash256 h = queries.isEmpty() || random.nextInt(4) > 0 ? RandomHashes.random(random)
                            : RandomHashes.near(queries.get(random.nextInt(queries.size())), random.nextInt(41), random);
                    if (random.nextInt(50) == 0) {
                        queries.add(h);
                    }
                    model.entries.put(index.add(h), h);
                }
                List<Integer> ids = new ArrayList<>(model.entries.keySet());
                for (int i = 0; i < 400; i++) {
                    int id = ids.get(random.nextInt(ids.size()));
                    assertThat(index.remove(id)).isEqualTo(model.entries.remove(id) != null);
                }
                assertSameAsBruteForce(index, model, queries.subList(0, Math.min(queries.size(), 40)));
            }
            index.awaitMerges();
            assertSameAsBruteForce(index, model, queries);
            assertThat(index.size()).isEqualTo(model.entries.size());
            assertThat(index.stats().segments()).as("merged: %s", index.stats().layouts()).isLessThan(12);
            // removed entries were purged by merges, not just hidden
            assertThat(index.stats().storedEntries()).isLessThan(12L * 1500);
        }
    }

    @Test
    void removalsAreFinalAndIdsAreNeverReused() {
        try (PdqIndex index = new PdqIndex()) {
            Hash256 h = Hash256.fromHex("963c79c93cf69ed836d8fee21e69878c2de70a78c39c41f62c3c481d929634c2");
            int first = index.add(h);
            assertThat(index.search(h, 0)).containsExactly(new PdqMatch(first, 0));
            assertThat(index.remove(first)).isTrue();
            assertThat(index.remove(first)).isFalse();
            assertThat(index.remove(12345)).isFalse();
            assertThat(index.contains(first)).isFalse();
            assertThat(index.search(h, 256)).isEmpty();
            int second = index.add(h);
            assertThat(second).isNotEqualTo(first);
            assertThat(index.search(h, 0)).containsExactly(new PdqMatch(second, 0));
        }
    }

    @Test
    void searchesRunWhileEntriesAreAddedAndRemoved() throws Exception {
        // The writer stamps each step from a shared clock: an add after it returns, a remove before it starts
        // and after it returns. A search must return every entry whose add returned before the search started
        // and whose remove started after it ended, and no entry whose remove returned before it started.
        PdqIndexConfig small = new PdqIndexConfig(31, 128, 4, 96, 1 << 16);
        Hash256 query = RandomHashes.random(new Random(13));
        int added = 0;
        int removeStarted = 1;
        int removeReturned = 2;
        int distance = 3;
        try (PdqIndex index = new PdqIndex(small)) {
            AtomicLong clock = new AtomicLong();
            Map<Integer, AtomicLongArray> lifetimes = new ConcurrentHashMap<>();
            AtomicBoolean done = new AtomicBoolean();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            AtomicLong searches = new AtomicLong();
            Thread writer = new Thread(() -> {
                Random r = new Random(14);
                List<Integer> alive = new ArrayList<>();
                for (int step = 0; step < 30_000; step++) {
                    if (alive.isEmpty() || r.nextInt(3) > 0) {
                        Hash256 h = r.nextBoolean() ? RandomHashes.near(query, r.nextInt(45), r) : RandomHashes.random(r);
                        int id = index.add(h);
                        AtomicLongArray life = new AtomicLongArray(4);
                        life.set(added, clock.incrementAndGet());
                        life.set(removeStarted, Long.MAX_VALUE);
                        life.set(removeReturned, Long.MAX_VALUE);
                        life.set(distance, h.distance(query));
                        lifetimes.put(id, life);
                        alive.add(id);
                    } else {
                        int id = alive.remove(r.nextInt(alive.size()));
                        AtomicLongArray life = lifetimes.get(id);
                        life.set(removeStarted, clock.incrementAndGet());
                        index.remove(id);
                        life.set(removeReturned, clock.incrementAndGet());
                    }
                }
                done.set(true);
            });
            Thread reader = new Thread(() -> {
                try {
                    while (!done.get()) {
                        long before = clock.get();
                        Set<Integer> found = new HashSet<>();
                        index.search(query, 31, (id, d) -> assertThat(found.add(id)).as("reported once").isTrue());
                        long after = clock.get();
                        lifetimes.forEach((id, life) -> {
                            if (life.get(distance) <= 31 && life.get(added) <= before && life.get(removeStarted) > after) {
                                assertThat(found).as("entry %d alive throughout", id).contains(id);
                            }
                            if (life.get(removeReturned) <= before) {
                                assertThat(found).as("entry %d removed before", id).doesNotContain(id);
                            }
                        });
                        searches.incrementAndGet();
                    }
                } catch (Throwable t) {
                    failure.set(t);
                }
            });
            writer.start();
            reader.start();
            writer.join();
            reader.join();
            assertThat(failure.get()).isNull();
            assertThat(searches.get()).isPositive();
        }
    }

    @Test
    void bruteForceScanOfTheIndexIsTheSameBaseline() {
        Random random = new Random(15);
        try (PdqIndex index = new PdqIndex()) {
            List<Hash256> hashes = new ArrayList<>();
            for (int i = 0; i < 5000; i++) {
                hashes.add(RandomHashes.random(random));
            }
            index.addAll(hashes);
            for (int i = 0; i < 700; i++) {
                index.add(RandomHashes.near(hashes.get(i), i % 50, random));
            }
            for (int q = 0; q < 50; q++) {
                Set<PdqMatch> byScan = new HashSet<>();
                index.searchByScan(hashes.get(q), 31, (id, d) -> byScan.add(new PdqMatch(id, d)));
                assertThat(new HashSet<>(index.search(hashes.get(q), 31))).isEqualTo(byScan);
            }
        }
    }

    @Test
    void theEightVariantsSearchedTogetherFindExactlyWhatALinearScanFindsForEach() {
        Random random = new Random(17);
        try (PdqIndex index = new PdqIndex()) {
            Model model = new Model();
            List<Hash256> bulk = new ArrayList<>();
            for (int i = 0; i < 40_000; i++) {
                bulk.add(RandomHashes.random(random));
            }
            List<List<Hash256>> images = new ArrayList<>();
            List<Hash256> planted = new ArrayList<>();
            for (int q = 0; q < 200; q++) {
                List<Hash256> variants = new ArrayList<>();
                for (int v = 0; v < 8; v++) {
                    variants.add(RandomHashes.random(random));
                }
                images.add(variants);
                // near-duplicates of some variants at 0..40 bits, several per image, some of one variant
                for (int p = 0, n = random.nextInt(5); p < n; p++) {
                    planted.add(RandomHashes.near(variants.get(random.nextInt(8)), random.nextInt(41), random));
                }
            }
            int[] ids = index.addAll(bulk);
            for (int i = 0; i < ids.length; i++) {
                model.entries.put(ids[i], bulk.get(i));
            }
            for (Hash256 h : planted) { // in the tail and small segments too
                model.entries.put(index.add(h), h);
            }
            for (int id = 0; id < ids.length; id += 7) { // removed entries must not come back
                index.remove(id);
                model.entries.remove(id);
            }
            int matches = 0;
            for (List<Hash256> variants : images) {
                for (int radius : new int[]{31, 12, 0}) {
                    List<Set<PdqMatch>> found = new ArrayList<>();
                    variants.forEach(v -> found.add(new HashSet<>()));
                    index.searchEach(variants, radius, (query, id, distance) ->
                            assertThat(found.get(query).add(new PdqMatch(id, distance))).as("reported once").isTrue());
                    for (int v = 0; v < 8; v++) {
                        Set<PdqMatch> byScan = new HashSet<>();
                        index.searchByScan(variants.get(v), radius, (id, d) -> byScan.add(new PdqMatch(id, d)));
                        assertThat(found.get(v)).as("variant %d at radius %d", v, radius)
                                .isEqualTo(byScan).isEqualTo(model.search(variants.get(v), radius));
                        matches += radius == 31 ? byScan.size() : 0;
                    }
                }
            }
            assertThat(matches).as("planted matches found at radius 31").isGreaterThan(150);
        }
    }

    private static void assertSameAsBruteForce(PdqIndex index, Model model, List<Hash256> queries) {
        for (Hash256 query : queries) {
            for (int radius : RADII) {
                List<PdqMatch> found = index.search(query, radius);
                assertThat(new HashSet<>(found)).as("radius %d", radius).hasSameSizeAs(found)
                        .isEqualTo(model.search(query, radius));
            }
        }
    }
}
