package io.vigil.pdq.matching;

import io.vigil.pdq.Dihedral;
import io.vigil.pdq.Hash256;
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

    /**
     * The order of matches: nearest first, then the lower id, then the variant earlier in {@link Dihedral}'s order
     * (an entry hit by two variants at one distance keeps the earlier, whichever search reported it first).
     */
    private static final Comparator<PdqVariantMatch> NEAREST_FIRST =
            Comparator.comparingInt(PdqVariantMatch::distance).thenComparingInt(PdqVariantMatch::id)
                    .thenComparing(PdqVariantMatch::variant);

    private static final List<Dihedral> ALL_VARIANTS = List.of(Dihedral.values());
    /** The seven rotations and mirrors besides the original. */
    private static final List<Dihedral> TURNED_VARIANTS = ALL_VARIANTS.subList(1, ALL_VARIANTS.size());

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
        index.searchEach(variantHashes(hashes, ALL_VARIANTS), policy.maxDistance(), (query, id, distance) ->
                best.merge(id, new PdqVariantMatch(id, distance, ALL_VARIANTS.get(query)),
                        (a, b) -> NEAREST_FIRST.compare(a, b) <= 0 ? a : b));
        List<PdqVariantMatch> matches = new ArrayList<>(best.values());
        matches.sort(NEAREST_FIRST);
        return PdqMatchOutcome.searched(matches);
    }

    /**
     * The first of {@link #match(PdqHashes)}'s matches (the nearest entry, the lower id on a tie, with its nearest
     * variant), found with less work: once the original has hit an entry at distance {@code d}, the seven turned
     * variants are searched only within {@code d}, since nothing farther can come first, and probe far fewer
     * buckets; a miss still costs the full searches, the turned variants' together ({@link PdqIndex#searchEach}).
     * Empty below the quality floor or without a match.
     */
    public Optional<PdqVariantMatch> nearest(PdqHashes hashes) {
        if (hashes.quality() < policy.qualityFloor()) {
            return Optional.empty();
        }
        NearestSoFar nearest = new NearestSoFar();
        // The original alone first: a re-upload is most often not turned, and its hit narrows the turned variants'
        // search to its distance; a new photo's turned variants are then searched together at the full radius.
        index.search(hashes.original(), policy.maxDistance(),
                (id, distance) -> nearest.offer(Dihedral.ORIGINAL, id, distance));
        if (policy.matchDihedrals()) {
            int radius = nearest.best == null ? policy.maxDistance() : nearest.best.distance();
            index.searchEach(variantHashes(hashes, TURNED_VARIANTS), radius,
                    (query, id, distance) -> nearest.offer(TURNED_VARIANTS.get(query), id, distance));
        }
        return Optional.ofNullable(nearest.best);
    }

    /** Keeps the first match in {@link #NEAREST_FIRST} order, whatever order the variants' matches come in. */
    private static final class NearestSoFar {
        PdqVariantMatch best;

        void offer(Dihedral variant, int id, int distance) {
            if (best == null || NEAREST_FIRST.compare(new PdqVariantMatch(id, distance, variant), best) < 0) {
                best = new PdqVariantMatch(id, distance, variant);
            }
        }
    }

    private static List<Hash256> variantHashes(PdqHashes hashes, List<Dihedral> variants) {
        List<Hash256> list = new ArrayList<>(variants.size());
        for (Dihedral variant : variants) {
            list.add(hashes.get(variant));
        }
        return list;
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
