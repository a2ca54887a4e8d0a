package io.vigil.enricher.clusters;

import io.vigil.enricher.state.Table;
import io.vigil.pdq.Dihedral;
import io.vigil.pdq.Hash256;
import io.vigil.pdq.PdqHash;
import io.vigil.pdq.PdqHashes;
import io.vigil.pdq.matching.PdqIndex;
import io.vigil.pdq.matching.PdqMatchPolicy;
import io.vigil.pdq.matching.PdqMatcher;
import io.vigil.pdq.matching.PdqVariantMatch;
import io.vigil.schemas.network.ClusterState;
import io.vigil.schemas.network.SightedMedia;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Assigns every media item to a media cluster: the cluster of an earlier exact copy (same SHA-256, or MD5 when no
 * SHA-256 is known), else of the nearest founder within the PDQ match distance over the item's 8 rotations and
 * mirrors, else a new cluster that the item founds. Clusters are stars around their founder: a near-duplicate joins
 * but is not indexed itself, so a chain of small edits never drifts one cluster into another image.
 *
 * <p>The founders' PDQ hashes live in the shared {@link PdqIndex} in memory (about 140 bytes per cluster), rebuilt
 * from the changelogged cluster table when the task starts; the exact hashes and the cluster records are in the
 * table. One instance serves one task and is used from its thread only.
 */
public final class MediaClusters implements AutoCloseable {

    private static final String SHA256 = "s:";
    private static final String MD5 = "m:";
    /** Cluster ids: "mc" and 16 hex digits of a hash of the founder, so that a replay yields the same ids. */
    private static final String PREFIX = "mc";

    private final Table<ClusterState> clusters;
    private final Table<String> exact;
    private final PdqMatchPolicy policy;
    private final PdqIndex index = new PdqIndex();
    private final PdqMatcher matcher;
    /** Cluster of each index entry, by the index's dense ids. */
    private long[] clusterOfEntry = new long[1024];

    public MediaClusters(Table<ClusterState> clusters, Table<String> exact, PdqMatchPolicy policy) {
        this.clusters = clusters;
        this.exact = exact;
        this.policy = policy;
        this.matcher = new PdqMatcher(index, policy);
    }

    /** Rebuilds the founders' index from the cluster table (task start-up, after restore). */
    public void loadIndex() {
        List<Hash256> hashes = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        clusters.forEach((id, state) -> {
            if (state.getFounderPdq() != null) {
                hashes.add(hash(state.getFounderPdq()));
                ids.add(parse(id));
            }
        });
        int[] entries = index.addAll(hashes);
        for (int i = 0; i < entries.length; i++) {
            remember(entries[i], ids.get(i));
        }
    }

    /** An item's cluster, and whether this item founded it; empty when the item has no hash at all. */
    public record Assignment(String clusterId, ClusterState state, boolean founded) {
    }

    public Optional<Assignment> assign(SightedMedia media, String chatId, Instant seenAt) {
        ExactRows rows = new ExactRows(media);
        Optional<String> byExact = rows.cluster();
        if (byExact.isPresent()) {
            ClusterState state = clusters.get(byExact.get());
            rows.remember(byExact.get());
            return Optional.of(new Assignment(byExact.get(), state, false));
        }
        Optional<PdqHashes> pdq = matchable(media);
        if (pdq.isPresent()) {
            Optional<PdqVariantMatch> nearest = matcher.nearest(pdq.get());
            if (nearest.isPresent()) {
                String id = format(clusterOfEntry[nearest.get().id()]);
                rows.remember(id);
                return Optional.of(new Assignment(id, clusters.get(id), false));
            }
        }
        Optional<String> founderKey = founderKey(media);
        if (founderKey.isEmpty()) {
            return Optional.empty();
        }
        String id = newId(founderKey.get());
        ClusterState state = ClusterState.newBuilder().setClusterId(id)
                .setFounderPdq(pdq.map(h -> ByteBuffer.wrap(bytes(h.original()))).orElse(null))
                .setFirstSeen(seenAt).setLastSeen(seenAt).setFirstChatId(chatId)
                .setSightings(0).setForwards(0).setChats(0).setReach(0).build();
        clusters.put(id, state);
        rows.remember(id);
        pdq.ifPresent(h -> remember(index.add(h.original()), parse(id)));
        return Optional.of(new Assignment(id, state, true));
    }

    public ClusterState get(String clusterId) {
        return clusters.get(clusterId);
    }

    public void put(ClusterState state) {
        clusters.put(state.getClusterId(), state);
    }

    /** Founders in the in-memory index. */
    public int indexed() {
        return index.size();
    }

    public PdqIndex.Stats indexStats() {
        return index.stats();
    }

    /**
     * The one exact-hash row of an item: keyed by its SHA-256, or by its MD5 when it has no SHA-256. The detector
     * computes both digests of the same bytes ({@code MediaHashing}), so an item has both or neither, and the SHA-256
     * alone identifies the file; an MD5 row beside it cost a read and a write per new file, read later only by an
     * item with an MD5 and no SHA-256, which the detector never sends. Rows written before this (an MD5 row beside
     * each SHA-256 row) are still found by the same keys.
     */
    private final class ExactRows {
        private final String key;
        private String cluster;

        ExactRows(SightedMedia media) {
            this.key = media.getSha256() != null ? SHA256 + media.getSha256() : media.getMd5() != null ? MD5 + media.getMd5() : null;
            this.cluster = key == null ? null : exact.get(key);
        }

        /** The cluster of an earlier exact copy. */
        Optional<String> cluster() {
            return Optional.ofNullable(cluster);
        }

        /** Records the item's exact hash under {@code clusterId} unless a cluster holds it already. */
        void remember(String clusterId) {
            if (key != null && cluster == null) {
                exact.put(key, clusterId);
                cluster = clusterId;
            }
        }
    }

    /** The item's PDQ hashes when they are worth matching: present, valid and at or above the quality floor. */
    private Optional<PdqHashes> matchable(SightedMedia media) {
        if (media.getPdq() == null || media.getPdqQuality() == null || media.getPdqQuality() < policy.qualityFloor()
                || !Hash256.isHex(media.getPdq()) || media.getPdq().length() != Hash256.HEX_LENGTH) {
            return Optional.empty();
        }
        Hash256 original = Hash256.fromHex(media.getPdq());
        Hash256[] variants = new Hash256[Dihedral.values().length];
        Arrays.fill(variants, original);
        List<String> turned = media.getPdqDihedrals();
        if (turned.size() == variants.length - 1 && turned.stream().allMatch(h -> h.length() == Hash256.HEX_LENGTH && Hash256.isHex(h))) {
            for (int v = 1; v < variants.length; v++) {
                variants[v] = Hash256.fromHex(turned.get(v - 1));
            }
        }
        int quality = Math.min(PdqHash.MAX_QUALITY, media.getPdqQuality());
        return Optional.of(PdqHashes.of(variants, quality));
    }

    private static Optional<String> founderKey(SightedMedia media) {
        if (media.getSha256() != null) {
            return Optional.of(SHA256 + media.getSha256());
        }
        if (media.getMd5() != null) {
            return Optional.of(MD5 + media.getMd5());
        }
        return Optional.ofNullable(media.getPdq()).map(p -> "p:" + p);
    }

    /** A new cluster's id from its founder's hash; on the (about 1 in 10^13 per pair) collision, the next free one. */
    private String newId(String founderKey) {
        long id = Fingerprint.of(founderKey);
        while (clusters.get(format(id)) != null) {
            id = Fingerprint.next(id);
        }
        return format(id);
    }

    private void remember(int entry, long clusterId) {
        if (entry >= clusterOfEntry.length) {
            clusterOfEntry = Arrays.copyOf(clusterOfEntry, Math.max(entry + 1, clusterOfEntry.length * 2));
        }
        clusterOfEntry[entry] = clusterId;
    }

    public static String format(long id) {
        return PREFIX + String.format("%016x", id);
    }

    static long parse(String id) {
        return Long.parseUnsignedLong(id.substring(PREFIX.length()), 16);
    }

    private static Hash256 hash(ByteBuffer bytes) {
        ByteBuffer b = bytes.duplicate();
        return Hash256.ofWords(b.getLong(), b.getLong(), b.getLong(), b.getLong());
    }

    private static byte[] bytes(Hash256 hash) {
        ByteBuffer b = ByteBuffer.allocate(32);
        for (int i = 0; i < Hash256.WORDS; i++) {
            b.putLong(hash.word(i));
        }
        return b.array();
    }

    @Override
    public void close() {
        index.close();
    }
}
