package io.vigil.benchmarks.enricher;

import io.vigil.pdq.Dihedral;
import io.vigil.pdq.Hash256;
import io.vigil.pdq.PdqHash;
import io.vigil.pdq.PdqHashes;
import io.vigil.pdq.matching.PdqIndex;
import io.vigil.pdq.matching.PdqMatchPolicy;
import io.vigil.pdq.matching.PdqMatcher;
import io.vigil.schemas.Detection;
import io.vigil.schemas.MediaSignal;
import io.vigil.schemas.serde.AvroSerde;
import org.apache.kafka.streams.state.KeyValueStore;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The least an enricher that clusters media as issue 9 asks can do: today's stateless enricher plus, for every image
 * whose SHA-256 is not already a founder's, the nearest-founder search over the same founders' PDQ index and its 8
 * rotations and mirrors, with every exact hash held in a heap map (no RocksDB, no changelog, no cases, no lineage).
 * Its rate, measured beside the other two on the same messages, bounds what any implementation of that clustering can
 * reach against the stateless enricher: the ratio the 0.5 goal is compared with.
 */
final class SearchFloorEnricher {

    private static final AvroSerde<Detection> DETECTIONS = AvroSerde.of(Detection.class);

    private final TodaysEnricher today;
    private final Map<String, Integer> founderBySha = new HashMap<>();
    private final PdqMatcher matcher;
    private final PdqMatchPolicy policy;

    SearchFloorEnricher(KeyValueStore<String, io.vigil.schemas.GroupMetadata> groups, int clusters, PdqMatchPolicy policy) {
        this.today = new TodaysEnricher(groups);
        this.policy = policy;
        List<Hash256> founders = new ArrayList<>(clusters);
        for (int i = 0; i < clusters; i++) {
            founders.add(NetworkStatePreload.founderPdq(i));
            founderBySha.put(NetworkStatePreload.founderSha(i), i);
        }
        PdqIndex index = new PdqIndex();
        index.addAll(founders);
        this.matcher = new PdqMatcher(index, policy);
    }

    int process(String chatId, byte[] bytes) {
        int written = today.process(chatId, bytes);
        // The detection is decoded a second time here: the search needs its media, and the baseline's decode is inside
        // today's enricher. A decode is a few microseconds, far below a search; it makes this floor slightly pessimistic.
        for (MediaSignal media : DETECTIONS.deserialize("detections", bytes).getMedia()) {
            if (media.getSha256() != null && founderBySha.containsKey(media.getSha256())) {
                written++;
                continue;
            }
            PdqHashes hashes = hashes(media);
            if (hashes != null && matcher.nearest(hashes).isPresent()) {
                written++;
            }
        }
        return written;
    }

    private PdqHashes hashes(MediaSignal media) {
        if (media.getPdq() == null || media.getPdqQuality() == null || media.getPdqQuality() < policy.qualityFloor()) {
            return null;
        }
        Hash256[] variants = new Hash256[Dihedral.values().length];
        Arrays.fill(variants, Hash256.fromHex(media.getPdq()));
        List<String> turned = media.getPdqDihedrals();
        if (turned.size() == variants.length - 1) {
            for (int v = 1; v < variants.length; v++) {
                variants[v] = Hash256.fromHex(turned.get(v - 1));
            }
        }
        return PdqHashes.of(variants, Math.min(PdqHash.MAX_QUALITY, media.getPdqQuality()));
    }
}
