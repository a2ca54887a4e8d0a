package io.vigil.benchmarks.matching;

import io.vigil.pdq.Dihedral;
import io.vigil.pdq.Hash256;
import io.vigil.pdq.PdqHashes;
import io.vigil.pdq.matching.MatchSink;
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
 * The media clusters' founder search, three ways, in one run on one index: the full dihedral match (every entry
 * within radius 31 of any of the 8 variants, then the first); the nearest founder searched one variant at a time,
 * narrowing the radius to the best distance so far (what {@link PdqMatcher#nearest} did before it searched the
 * variants together); and {@link PdqMatcher#nearest} as it is (the original first, then the seven turned variants
 * together, {@link PdqIndex#searchEach}). Images as the enricher benchmark makes them: new photos (8 random variant
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
                check(index, matcher, kind);
                full(matcher, kind); // warm-up
                oneAtATime(index, kind);
                nearest(matcher, kind);
                for (int r = 0; r < rounds; r++) {
                    double all = full(matcher, kind);
                    double sequential = oneAtATime(index, kind);
                    double together = nearest(matcher, kind);
                    System.out.printf(Locale.ROOT, "  %-16s round %d: full match %,8.0f   nearest one variant at a time %,8.0f"
                            + "   nearest, variants together %,8.0f   ratio to one at a time %.2f%n",
                            name, r + 1, all, sequential, together, together / sequential);
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

    private static void check(PdqIndex index, PdqMatcher matcher, List<PdqHashes> images) {
        for (PdqHashes image : images) {
            Optional<PdqVariantMatch> first = matcher.match(image).matches().stream().findFirst();
            if (!matcher.nearest(image).equals(first) || !nearestOneVariantAtATime(index, image).equals(first)) {
                throw new IllegalStateException("the three searches differ for " + image);
            }
        }
    }

    private static double oneAtATime(PdqIndex index, List<PdqHashes> images) {
        long sink = 0;
        long start = THREADS.getCurrentThreadCpuTime();
        for (PdqHashes image : images) {
            sink += nearestOneVariantAtATime(index, image).map(PdqVariantMatch::id).orElse(-1);
        }
        return rate(images.size(), start, sink);
    }

    /** The nearest founder as it was searched before: one variant after the other, each within the best so far. */
    private static Optional<PdqVariantMatch> nearestOneVariantAtATime(PdqIndex index, PdqHashes image) {
        NearestSoFar nearest = new NearestSoFar();
        for (Dihedral variant : Dihedral.values()) {
            nearest.variant = variant;
            index.search(image.get(variant), nearest.best == null ? 31 : nearest.best.distance(), nearest);
        }
        return Optional.ofNullable(nearest.best);
    }

    private static final class NearestSoFar implements MatchSink {
        PdqVariantMatch best;
        Dihedral variant;

        @Override
        public void match(int id, int distance) {
            if (best == null || distance < best.distance() || distance == best.distance() && id < best.id()) {
                best = new PdqVariantMatch(id, distance, variant);
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
