package io.vigil.pdq.matching;

import io.vigil.pdq.Dihedral;
import io.vigil.pdq.PdqHash;
import io.vigil.pdq.PdqHashes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The query side of PDQ matching: applies the quality floor, searches the original hash or all eight dihedral
 * variants, and merges the results (one match per entry, its nearest variant). Thread-safe.
 */
public final class PdqMatcher {

    private static final Comparator<PdqVariantMatch> NEAREST_FIRST =
            Comparator.comparingInt(PdqVariantMatch::distance).thenComparingInt(PdqVariantMatch::id);

    private final PdqIndex index;
    private final PdqMatchPolicy policy;

    public PdqMatcher(PdqIndex index, PdqMatchPolicy policy) {
        this.index = Objects.requireNonNull(index, "index");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    public PdqMatchPolicy policy() {
        return policy;
    }

    /** Matches an image's hashes; dihedral variants are searched when the policy asks for them. */
    public PdqMatchOutcome match(PdqHashes hashes) {
        if (hashes.quality() < policy.qualityFloor()) {
            return belowFloor(hashes.quality());
        }
        if (!policy.matchDihedrals()) {
            return searchOriginal(hashes.asPdqHash());
        }
        Map<Integer, PdqVariantMatch> best = new HashMap<>();
        for (Dihedral variant : Dihedral.values()) {
            index.search(hashes.get(variant), policy.maxDistance(), (id, distance) ->
                    best.merge(id, new PdqVariantMatch(id, distance, variant),
                            (a, b) -> NEAREST_FIRST.compare(a, b) <= 0 ? a : b));
        }
        List<PdqVariantMatch> matches = new ArrayList<>(best.values());
        matches.sort(NEAREST_FIRST);
        return PdqMatchOutcome.searched(matches);
    }

    /**
     * The first of {@link #match(PdqHashes)}'s matches (the nearest entry, the lower id on a tie, with its nearest
     * variant), found with less work: once a variant has hit an entry at distance {@code d}, the variants after it
     * are searched only within {@code d}, since nothing farther can come first. A near-duplicate's remaining variant
     * searches then probe far fewer buckets; a miss still costs the full searches. Empty below the quality floor or
     * without a match.
     */
    public Optional<PdqVariantMatch> nearest(PdqHashes hashes) {
        if (hashes.quality() < policy.qualityFloor()) {
            return Optional.empty();
        }
        NearestSoFar nearest = new NearestSoFar();
        Dihedral[] variants = policy.matchDihedrals() ? Dihedral.values() : new Dihedral[]{Dihedral.ORIGINAL};
        for (Dihedral variant : variants) {
            int radius = nearest.best == null ? policy.maxDistance() : nearest.best.distance();
            nearest.variant = variant;
            index.search(hashes.get(variant), radius, nearest);
        }
        return Optional.ofNullable(nearest.best);
    }

    /** Keeps the first match in {@link #NEAREST_FIRST} order; an equal one of a later variant does not replace it. */
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

    /** Matches a single hash (no dihedral variants available, e.g. a hash supplied by a caller). */
    public PdqMatchOutcome match(PdqHash hash) {
        if (hash.quality() < policy.qualityFloor()) {
            return belowFloor(hash.quality());
        }
        return searchOriginal(hash);
    }

    private PdqMatchOutcome searchOriginal(PdqHash hash) {
        List<PdqVariantMatch> matches = new ArrayList<>();
        index.search(hash.hash(), policy.maxDistance(),
                (id, distance) -> matches.add(new PdqVariantMatch(id, distance, Dihedral.ORIGINAL)));
        matches.sort(NEAREST_FIRST);
        return PdqMatchOutcome.searched(matches);
    }

    private PdqMatchOutcome belowFloor(int quality) {
        return PdqMatchOutcome.skipped(PdqMatchOutcome.QUALITY_BELOW_FLOOR,
                "PDQ quality " + quality + " is below the floor of " + policy.qualityFloor());
    }
}
