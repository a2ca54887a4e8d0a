package io.vigil.benchmarks.enricher;

import io.vigil.enricher.EnricherStores;
import io.vigil.enricher.clusters.Fingerprint;
import io.vigil.enricher.clusters.MediaClusters;
import io.vigil.enricher.state.Keys;
import io.vigil.pdq.Hash256;
import io.vigil.schemas.ContentCategory;
import io.vigil.schemas.network.CaseChat;
import io.vigil.schemas.network.CaseState;
import io.vigil.schemas.network.ClusterState;
import io.vigil.schemas.network.NodeChat;
import io.vigil.schemas.network.NodeState;
import org.apache.kafka.streams.state.KeyValueStore;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/**
 * Fills the network task's stores as a year of traffic would leave them, directly (running a million images
 * through the matcher first would take as long as the benchmark): clusters with their founders, exact hashes, nodes
 * and chats (a node's chats inside its record, as the service keeps its first ones); identifiers grouped into victim
 * cases of three, a third of which also hold a cluster. Every value is derived from its index, so the message mix can refer to existing clusters and identifiers without keeping them.
 */
final class NetworkStatePreload {

    static final Instant START = Instant.parse("2025-03-01T00:00:00Z");
    private static final HexFormat HEX = HexFormat.of();

    private final Stores stores;
    private final int chats;

    NetworkStatePreload(Stores stores, int chats) {
        this.stores = stores;
        this.chats = chats;
    }

    static String founderSha(int i) {
        return sha256("founder-" + i);
    }

    static Hash256 founderPdq(int i) {
        Random r = new Random(0x5eed0000L + i);
        return Hash256.ofWords(r.nextLong(), r.nextLong(), r.nextLong(), r.nextLong());
    }

    static String clusterId(int i) {
        return MediaClusters.format(Fingerprint.of("s:" + founderSha(i)));
    }

    static String identifierHash(int i) {
        return sha256("identifier-" + i);
    }

    static String chatId(int c) {
        return "-100" + (1_000_000_000L + c);
    }

    /**
     * Chats as a running deployment knows them: seen for months (so their sender changes no longer go to lineage),
     * with a full sender sketch, on the chat side and in the network task.
     */
    void chats() {
        KeyValueStore<String, io.vigil.schemas.network.ChatProfile> chatSide = stores.get(EnricherStores.CHAT_PROFILE);
        KeyValueStore<String, io.vigil.schemas.network.ChatProfile> network = stores.get(EnricherStores.PROFILES);
        KeyValueStore<String, io.vigil.schemas.network.ChatState> states = stores.get(EnricherStores.CHAT_STATE);
        Random random = new Random(19);
        for (int c = 0; c < chats; c++) {
            String id = chatId(c);
            long[] sketch = new long[0];
            for (int s = 0; s < 200; s++) {
                sketch = io.vigil.enricher.lineage.SenderSketch.add(sketch, "u" + random.nextInt(200_000));
            }
            Instant first = START.minusSeconds(random.nextInt(300 * 86_400));
            var profile = io.vigil.schemas.network.ChatProfile.newBuilder().setPlatform("telegram").setChatId(id).setTitle("Group " + c)
                    .setOwnerId("owner-" + c).setAdminIds(List.of("admin-" + c)).setFirstSeenAt(first).setLastSeenAt(START)
                    .setCreatedAt(first).setSenderSketch(io.vigil.enricher.lineage.SenderSketch.toList(sketch)).setUpdatedAt(START).build();
            chatSide.put(id, profile);
            network.put(id, profile);
            states.put(id, io.vigil.schemas.network.ChatState.newBuilder().setSentFingerprint(
                    io.vigil.enricher.lineage.ProfileFingerprint.of(profile, LINEAGE)).build());
        }
    }

    private static final io.vigil.enricher.lineage.LineageScorer LINEAGE =
            new io.vigil.enricher.lineage.LineageScorer(io.vigil.enricher.policy.PolicyParser.defaultPolicy().lineage());

    void clusters(int count) {
        KeyValueStore<String, ClusterState> clusters = stores.get(EnricherStores.CLUSTERS);
        KeyValueStore<String, String> exact = stores.get(EnricherStores.EXACT);
        KeyValueStore<String, NodeState> nodes = stores.get(EnricherStores.NODES);
        KeyValueStore<String, Long> chatClusters = stores.get(EnricherStores.CHAT_CLUSTERS);
        Random random = new Random(11);
        for (int i = 0; i < count; i++) {
            String id = clusterId(i);
            int spread = 1 + (random.nextInt(10) == 0 ? random.nextInt(6) : 0);
            Instant first = START.plusSeconds(random.nextInt(300 * 86_400));
            clusters.put(id, ClusterState.newBuilder().setClusterId(id).setFounderPdq(ByteBuffer.wrap(bytes(founderPdq(i))))
                    .setFirstSeen(first).setLastSeen(first.plusSeconds(random.nextInt(86_400))).setFirstChatId(chatId(i % chats))
                    .setSightings(spread + random.nextInt(3)).setForwards(random.nextInt(2)).setChats(spread)
                    .setReach(spread * (200L + random.nextInt(20_000))).build());
            exact.put("s:" + founderSha(i), id);
            List<NodeChat> seenIn = new ArrayList<>();
            for (int s = 0; s < spread; s++) {
                String chat = chatId((i + s * 7919) % chats);
                seenIn.add(NodeChat.newBuilder().setChatId(chat).setHarmful(false).build());
                chatClusters.put(Keys.of(chat, id), 1L);
            }
            nodes.put("c:" + id, NodeState.newBuilder().setChats(spread).setHarmfulChats(random.nextInt(4) == 0 ? 1 : 0)
                    .setSightings(spread).setFirstSeen(first).setSeenIn(seenIn).build());
        }
    }

    /** Identifiers in cases of three; every third case also holds cluster {@code caseIndex}. */
    int identifiers(int count) {
        KeyValueStore<String, NodeState> nodes = stores.get(EnricherStores.NODES);
        KeyValueStore<String, CaseState> cases = stores.get(EnricherStores.CASES);
        Random random = new Random(13);
        int caseCount = 0;
        for (int i = 0; i < count; i += 3, caseCount++) {
            String caseId = "case-" + String.format("%016x", Fingerprint.of("case:" + i));
            Instant first = START.plusSeconds(random.nextInt(300 * 86_400));
            String chat = chatId(random.nextInt(chats));
            int identifiers = Math.min(3, count - i);
            boolean withImage = caseCount % 3 == 0;
            List<String> members = new ArrayList<>();
            for (int k = 0; k < identifiers; k++) {
                String node = "i:PHONE:" + identifierHash(i + k);
                nodes.put(node, NodeState.newBuilder().setCaseId(caseId).setChats(1).setHarmfulChats(1).setSightings(1).setFirstSeen(first)
                        .setSeenIn(List.of(NodeChat.newBuilder().setChatId(chat).setHarmful(true).build())).build());
                members.add(node);
            }
            boolean imageAttached = false;
            if (withImage) {
                String node = "c:" + clusterId(caseCount);
                NodeState state = nodes.get(node);
                if (state != null) {
                    state.setCaseId(caseId);
                    nodes.put(node, state);
                    members.add(node);
                    imageAttached = true;
                }
            }
            cases.put(caseId, CaseState.newBuilder().setCaseId(caseId).setItems(identifiers).setChats(1).setReach(2_000)
                    .setFirstSeen(first).setLastSeen(first).setFirstChatId(chat).setMaxSeverity(0.75).setClusters(imageAttached ? 1 : 0)
                    .setIdentifiers(identifiers).setCategories(List.of(ContentCategory.DOXXING))
                    .setFirstChats(List.of(CaseChat.newBuilder().setChatId(chat).setMembers(500L + random.nextInt(5_000)).build()))
                    .setFirstNodes(members).build());
        }
        return caseCount;
    }

    private static byte[] bytes(Hash256 hash) {
        ByteBuffer b = ByteBuffer.allocate(32);
        for (int i = 0; i < Hash256.WORDS; i++) {
            b.putLong(hash.word(i));
        }
        return b.array();
    }

    static String sha256(String text) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
