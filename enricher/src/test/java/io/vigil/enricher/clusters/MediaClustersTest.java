package io.vigil.enricher.clusters;

import io.vigil.enricher.testing.MemoryTable;
import io.vigil.pdq.Hash256;
import io.vigil.pdq.matching.PdqMatchPolicy;
import io.vigil.pdq.testing.RandomHashes;
import io.vigil.schemas.network.ClusterState;
import io.vigil.schemas.network.SightedMedia;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class MediaClustersTest {

    private final MemoryTable<ClusterState> clusters = new MemoryTable<>();
    private final MemoryTable<String> exact = new MemoryTable<>();
    private final PdqMatchPolicy policy = new PdqMatchPolicy(31, true, 50);

    @Test
    void nearDuplicatesJoinTheFoundersClusterButDoNotExtendIt() {
        Hash256 founder = RandomHashes.random(new Random(1));
        Hash256 near = RandomHashes.near(founder, 25, new Random(2));
        Hash256 nearOfNear = RandomHashes.near(near, 25, new Random(3));
        try (MediaClusters media = new MediaClusters(clusters, exact, policy)) {
            String id = media.assign(item("a", founder, 90), "c1", Instant.EPOCH).orElseThrow().clusterId();

            assertThat(media.assign(item("b", near, 90), "c2", Instant.EPOCH).orElseThrow().clusterId()).isEqualTo(id);
            assertThat(founder.distance(nearOfNear)).isGreaterThan(31);
            assertThat(media.assign(item("c", nearOfNear, 90), "c3", Instant.EPOCH).orElseThrow().clusterId())
                    .as("a chain of edits does not drift a cluster into another image").isNotEqualTo(id);
            assertThat(media.assign(item("b", RandomHashes.random(new Random(9)), 90), "c4", Instant.EPOCH).orElseThrow().clusterId())
                    .as("an exact copy (same SHA-256) joins whatever its PDQ").isEqualTo(id);
        }
    }

    @Test
    void aLowQualityImageIsClusteredByExactHashOnly() {
        Hash256 flat = RandomHashes.random(new Random(4));
        try (MediaClusters media = new MediaClusters(clusters, exact, policy)) {
            String first = media.assign(item("flat-1", flat, 10), "c1", Instant.EPOCH).orElseThrow().clusterId();
            assertThat(media.assign(item("flat-2", flat, 10), "c2", Instant.EPOCH).orElseThrow().clusterId()).isNotEqualTo(first);
            assertThat(media.indexed()).isZero();
        }
    }

    @Test
    void theIndexIsRebuiltFromTheTableOnRestart() {
        Hash256 founder = RandomHashes.random(new Random(5));
        String id;
        try (MediaClusters media = new MediaClusters(clusters, exact, policy)) {
            id = media.assign(item("a", founder, 90), "c1", Instant.EPOCH).orElseThrow().clusterId();
        }
        try (MediaClusters restarted = new MediaClusters(clusters, exact, policy)) {
            restarted.loadIndex();
            assertThat(restarted.indexed()).isEqualTo(1);
            assertThat(restarted.assign(item("z", RandomHashes.near(founder, 12, new Random(6)), 80), "c9", Instant.EPOCH).orElseThrow()
                    .clusterId()).isEqualTo(id);
        }
    }

    private static SightedMedia item(String name, Hash256 pdq, int quality) {
        return SightedMedia.newBuilder().setIndex(0).setSha256(io.vigil.enricher.Messages.sha256(name)).setPdq(pdq.toHex())
                .setPdqQuality(quality).setPdqDihedrals(List.of()).build();
    }
}
