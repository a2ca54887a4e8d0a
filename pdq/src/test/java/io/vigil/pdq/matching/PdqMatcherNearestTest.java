package io.vigil.pdq.matching;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.pdq.Dihedral;
import io.vigil.pdq.Hash256;
import io.vigil.pdq.PdqHashes;
import io.vigil.pdq.testing.RandomHashes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The nearest-only search, which narrows its radius as it goes, against the full match it shortcuts. */
class PdqMatcherNearestTest {

    @Test
    void nearestIsAlwaysTheFirstOfTheFullMatchOnRandomAndPlantedHashes() {
        Random random = new Random(21);
        try (PdqIndex index = new PdqIndex()) {
            List<Hash256> entries = new ArrayList<>();
            for (int i = 0; i < 20_000; i++) {
                entries.add(RandomHashes.random(random));
            }
            List<PdqHashes> queries = new ArrayList<>();
            for (int q = 0; q < 300; q++) {
                Hash256[] variants = new Hash256[Dihedral.values().length];
                for (int v = 0; v < variants.length; v++) {
                    variants[v] = RandomHashes.random(random);
                }
                // planted: near-duplicates of some of the query's variants, at 0..40 bits, often several
                int planted = q % 4 == 0 ? 0 : 1 + random.nextInt(4);
                for (int p = 0; p < planted; p++) {
                    entries.add(RandomHashes.near(variants[random.nextInt(variants.length)], random.nextInt(41), random));
                }
                queries.add(PdqHashes.of(variants, 80));
            }
            index.addAll(entries.subList(0, 15_000));
            entries.subList(15_000, entries.size()).forEach(index::add); // also in the tail and small segments
            for (boolean dihedrals : new boolean[]{true, false}) {
                PdqMatcher matcher = new PdqMatcher(index, new PdqMatchPolicy(31, dihedrals, 50));
                int hits = 0;
                for (PdqHashes query : queries) {
                    Optional<PdqVariantMatch> first = matcher.match(query).matches().stream().findFirst();
                    assertThat(matcher.nearest(query)).isEqualTo(first);
                    hits += first.isPresent() ? 1 : 0;
                }
                assertThat(hits).as("planted matches found").isGreaterThan(50);
            }
        }
    }

    @Test
    void matchAndNearestAreWhatALinearScanOfTheEightVariantsFinds() {
        Random random = new Random(23);
        try (PdqIndex index = new PdqIndex()) {
            List<Hash256> entries = new ArrayList<>();
            for (int i = 0; i < 30_000; i++) {
                entries.add(RandomHashes.random(random));
            }
            List<PdqHashes> images = new ArrayList<>();
            for (int q = 0; q < 200; q++) {
                Hash256[] variants = new Hash256[Dihedral.values().length];
                for (int v = 0; v < variants.length; v++) {
                    variants[v] = RandomHashes.random(random);
                }
                for (int p = 0, n = q % 3 == 0 ? 0 : 1 + random.nextInt(4); p < n; p++) {
                    entries.add(RandomHashes.near(variants[random.nextInt(variants.length)], random.nextInt(41), random));
                }
                images.add(PdqHashes.of(variants, 80));
            }
            index.addAll(entries);
            PdqMatcher matcher = new PdqMatcher(index, new PdqMatchPolicy(31, true, 50));
            int hits = 0;
            for (PdqHashes image : images) {
                List<PdqVariantMatch> byScan = linearScan(index, image, 31);
                assertThat(matcher.match(image).matches()).isEqualTo(byScan);
                assertThat(matcher.nearest(image)).isEqualTo(byScan.stream().findFirst());
                hits += byScan.isEmpty() ? 0 : 1;
            }
            assertThat(hits).as("images with a planted match").isGreaterThan(100);
        }
    }

    /** Every entry within {@code radius} of any variant, at its nearest variant (the earlier on a tie), nearest first. */
    private static List<PdqVariantMatch> linearScan(PdqIndex index, PdqHashes image, int radius) {
        java.util.Map<Integer, PdqVariantMatch> best = new java.util.TreeMap<>();
        for (Dihedral variant : Dihedral.values()) {
            index.searchByScan(image.get(variant), radius, (id, distance) -> {
                PdqVariantMatch seen = best.get(id);
                if (seen == null || distance < seen.distance()) {
                    best.put(id, new PdqVariantMatch(id, distance, variant));
                }
            });
        }
        List<PdqVariantMatch> sorted = new ArrayList<>(best.values());
        sorted.sort(java.util.Comparator.comparingInt(PdqVariantMatch::distance).thenComparingInt(PdqVariantMatch::id));
        return sorted;
    }

    @Test
    void onATieTheLowerIdAndTheEarlierVariantWin() {
        Random random = new Random(5);
        Hash256 original = RandomHashes.random(random);
        Hash256 turned = RandomHashes.random(random);
        Hash256[] variants = new Hash256[Dihedral.values().length];
        for (int v = 0; v < variants.length; v++) {
            variants[v] = RandomHashes.random(random);
        }
        variants[Dihedral.ORIGINAL.ordinal()] = original;
        variants[Dihedral.ROTATE_90.ordinal()] = turned;
        try (PdqIndex index = new PdqIndex()) {
            int first = index.add(RandomHashes.near(turned, 12, random)); // the lower id, found by a later variant
            index.add(RandomHashes.near(original, 12, random));
            PdqVariantMatch nearest = new PdqMatcher(index, new PdqMatchPolicy(31, true, 50))
                    .nearest(PdqHashes.of(variants, 90)).orElseThrow();
            assertThat(nearest).isEqualTo(new PdqVariantMatch(first, 12, Dihedral.ROTATE_90));
        }
        variants[Dihedral.ROTATE_90.ordinal()] = original; // one entry hit by two variants at the same distance
        try (PdqIndex index = new PdqIndex()) {
            int only = index.add(RandomHashes.near(original, 7, random));
            assertThat(new PdqMatcher(index, new PdqMatchPolicy(31, true, 50)).nearest(PdqHashes.of(variants, 90)))
                    .contains(new PdqVariantMatch(only, 7, Dihedral.ORIGINAL));
        }
    }

    @Test
    void nothingBelowTheQualityFloor() {
        Random random = new Random(8);
        Hash256 hash = RandomHashes.random(random);
        Hash256[] variants = new Hash256[Dihedral.values().length];
        java.util.Arrays.fill(variants, hash);
        try (PdqIndex index = new PdqIndex()) {
            index.add(hash);
            PdqMatcher matcher = new PdqMatcher(index, new PdqMatchPolicy(31, true, 50));
            assertThat(matcher.nearest(PdqHashes.of(variants, 49))).isEmpty();
            assertThat(matcher.nearest(PdqHashes.of(variants, 50))).isPresent();
        }
    }
}
