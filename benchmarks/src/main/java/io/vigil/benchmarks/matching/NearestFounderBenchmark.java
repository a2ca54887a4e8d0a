package io.vigil.benchmarks.matching;

import io.vigil.pdq.Dihedral;
import io.vigil.pdq.Hash256;
import io.vigil.pdq.PdqHashes;
import io.vigil.pdq.matching.PdqIndex;
import io.vigil.pdq.matching.PdqMatchPolicy;
import io.vigil.pdq.matching.PdqMatcher;
import io.vigil.pdq.matching.PdqVariantMatch;
import io.vigil.pdq.testing.RandomHashes;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;

/**
 * The media clusters' founder search, both ways, in one run on one index: the full dihedral match (every entry within
 * radius 31 of any of the 8 variants, then the first) against {@link PdqMatcher#nearest}, which narrows the radius
 * to the best distance found so far. Images as the enricher benchmark makes them: new photos (8 random variant
 * hashes, no match) and re-encoded copies (the original within 4-19 bits of a founder). Every answer is compared;
 * rates are images per CPU-second of the thread, alternating rounds.
 *
 * <pre>
 * java -Xmx4g -cp benchmarks/target/benchmarks.jar io.vigil.benchmarks.matching.NearestFounderBenchmark [founders=1000000] [images=2000] [rounds=3]
 * </pre>
 */
public final class NearestFounderBenchmark {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private NearestFounderBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int founders = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int images = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Random random = new Random(7);
        List<Hash256> hashes = new ArrayList<>(founders);
        for (int i = 0; i < founders; i++) {
            hashes.add(RandomHashes.random(random));
        }
        List<PdqHashes> fresh = new ArrayList<>();
        List<PdqHashes> copies = new ArrayList<>();
        for (int i = 0; i < images; i++) {
            fresh.add(image(RandomHashes.random(random), random));
            copies.add(image(RandomHashes.near(hashes.get(random.nextInt(founders)), 4 + random.nextInt(16), random), random));
        }
        try (PdqIndex index = new PdqIndex()) {
            index.addAll(hashes);
            PdqMatcher matcher = new PdqMatcher(index, new PdqMatchPolicy(31, true, 50));
            System.out.printf(Locale.ROOT, "%,d founders, %,d images of each kind, radius 31, 8 variants; images per CPU-second of one thread%n",
                    founders, images);
            for (List<PdqHashes> kind : List.of(fresh, copies)) {
                String name = kind == fresh ? "new photo" : "re-encoded copy";
                check(matcher, kind);
                full(matcher, kind); // warm-up
                nearest(matcher, kind);
                for (int r = 0; r < rounds; r++) {
                    double all = full(matcher, kind);
                    double first = nearest(matcher, kind);
                    System.out.printf(Locale.ROOT, "  %-16s round %d: full match %,8.0f   nearest %,8.0f   ratio %.2f%n", name, r + 1, all, first, first / all);
                }
            }
            System.out.println("  same answers: yes (every image compared)");
        }
    }

    private static PdqHashes image(Hash256 original, Random random) {
        Hash256[] variants = new Hash256[Dihedral.values().length];
        variants[0] = original;
        for (int v = 1; v < variants.length; v++) {
            variants[v] = RandomHashes.random(random);
        }
        return PdqHashes.of(variants, 90);
    }

    private static void check(PdqMatcher matcher, List<PdqHashes> images) {
        for (PdqHashes image : images) {
            Optional<PdqVariantMatch> first = matcher.match(image).matches().stream().findFirst();
            if (!matcher.nearest(image).equals(first)) {
                throw new IllegalStateException("nearest differs from the full match for " + image);
            }
        }
    }

    private static double full(PdqMatcher matcher, List<PdqHashes> images) {
        long sink = 0;
        long start = THREADS.getCurrentThreadCpuTime();
        for (PdqHashes image : images) {
            sink += matcher.match(image).matches().stream().findFirst().map(PdqVariantMatch::id).orElse(-1);
        }
        return rate(images.size(), start, sink);
    }

    private static double nearest(PdqMatcher matcher, List<PdqHashes> images) {
        long sink = 0;
        long start = THREADS.getCurrentThreadCpuTime();
        for (PdqHashes image : images) {
            sink += matcher.nearest(image).map(PdqVariantMatch::id).orElse(-1);
        }
        return rate(images.size(), start, sink);
    }

    private static double rate(int count, long start, long sink) {
        double seconds = (THREADS.getCurrentThreadCpuTime() - start) / 1e9;
        if (sink == 42) {
            System.out.print("");
        }
        return count / seconds;
    }
}
