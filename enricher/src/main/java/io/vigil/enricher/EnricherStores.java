package io.vigil.enricher;

import io.vigil.enricher.cases.NodeChats;
import io.vigil.enricher.cases.VictimCases;
import io.vigil.enricher.chats.ChatProfiles;
import io.vigil.enricher.clusters.MediaClusters;
import io.vigil.enricher.lineage.GroupLineage;
import io.vigil.enricher.network.NetworkMemory;
import io.vigil.enricher.policy.Policy;
import io.vigil.enricher.staydown.StayDownBank;
import io.vigil.enricher.state.MessageWrites;
import io.vigil.enricher.state.StoreTable;
import io.vigil.enricher.state.Table;
import io.vigil.pdq.matching.PdqMatchPolicy;
import io.vigil.schemas.network.CaseState;
import io.vigil.schemas.network.ChatProfile;
import io.vigil.schemas.network.ChatState;
import io.vigil.schemas.network.ClusterState;
import io.vigil.schemas.network.LineageState;
import io.vigil.schemas.network.NodeState;
import io.vigil.schemas.network.PendingMessage;
import io.vigil.schemas.network.RecentIdentifiers;
import io.vigil.schemas.network.RecentImage;
import io.vigil.schemas.network.StayDownDecision;
import io.vigil.schemas.network.StayDownEntry;
import io.vigil.schemas.serde.AvroSerde;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

import java.util.List;
import java.util.Set;

/**
 * The enricher's state stores: RocksDB, changelogged, restored on any instance that takes over a task. The chat
 * stores belong to the chat-keyed tasks (one per partition); the network stores to the single network task.
 */
public final class EnricherStores {

    public static final String CHAT_STATE = "chat-state";
    public static final String CHAT_PROFILE = "chat-profile";
    public static final String PENDING = "pending-messages";
    public static final String STRIKES = "chat-strikes";

    public static final String CLUSTERS = "media-clusters";
    public static final String EXACT = "media-exact-hashes";
    public static final String NODES = "case-nodes";
    public static final String NODE_CHATS = "case-node-chats";
    public static final String CASES = "victim-cases";
    public static final String CASE_MEMBERS = "case-members";
    public static final String CASE_CHATS = "case-chats";
    public static final String RECENT_IMAGES = "recent-images";
    public static final String RECENT_IDENTIFIERS = "recent-identifiers";
    public static final String PROFILES = "chat-profiles";
    public static final String LINEAGE_INDEX = "lineage-index";
    public static final String LINEAGE_SUCCESSORS = "lineage-successors";
    public static final String LINEAGE_EMITTED = "lineage-emitted";
    public static final String CHAT_CLUSTERS = "chat-clusters";
    public static final String STAY_DOWN_ENTRIES = "stay-down-entries";
    public static final String STAY_DOWN_DECISIONS = "stay-down-decisions";

    public static final String[] CHAT_STORES = {CHAT_STATE, CHAT_PROFILE, PENDING, STRIKES};
    public static final String[] NETWORK_STORES = {CLUSTERS, EXACT, NODES, NODE_CHATS, CASES, CASE_MEMBERS, CASE_CHATS, RECENT_IMAGES,
            RECENT_IDENTIFIERS, PROFILES, LINEAGE_INDEX, LINEAGE_SUCCESSORS, LINEAGE_EMITTED, CHAT_CLUSTERS, STAY_DOWN_ENTRIES, STAY_DOWN_DECISIONS};

    private EnricherStores() {
    }

    /**
     * What the chat-side steps need beyond the policy.
     *
     * @param maxWaitMillis       how long a message waits for the network memory before it is assessed without it
     * @param sketchChangesToSend sender-sketch changes after which a chat's profile is sent to lineage again
     */
    public record ChatSettings(long maxWaitMillis, int sketchChangesToSend) {
    }

    /**
     * What the network task needs beyond the policy.
     *
     * @param matching          how near-duplicates are found (distance, dihedral variants, quality floor)
     * @param benignIdentifiers keyed hashes of identifiers that never link cases (institutions' lines, helplines)
     */
    public record NetworkSettings(Policy policy, PdqMatchPolicy matching, Set<String> benignIdentifiers) {
    }

    public static List<StoreBuilder<?>> chatStores() {
        return List.of(
                store(CHAT_STATE, AvroSerde.of(ChatState.class)),
                store(CHAT_PROFILE, AvroSerde.of(ChatProfile.class)),
                store(PENDING, AvroSerde.of(PendingMessage.class)),
                store(STRIKES, Serdes.Long()));
    }

    public static List<StoreBuilder<?>> networkStores() {
        return List.of(
                store(CLUSTERS, AvroSerde.of(ClusterState.class)),
                store(EXACT, Serdes.String()),
                store(NODES, AvroSerde.of(NodeState.class)),
                store(NODE_CHATS, Serdes.Long()),
                store(CASES, AvroSerde.of(CaseState.class)),
                store(CASE_MEMBERS, Serdes.Long()),
                store(CASE_CHATS, Serdes.Long()),
                store(RECENT_IMAGES, AvroSerde.of(RecentImage.class)),
                store(RECENT_IDENTIFIERS, AvroSerde.of(RecentIdentifiers.class)),
                store(PROFILES, AvroSerde.of(ChatProfile.class)),
                store(LINEAGE_INDEX, Serdes.Long()),
                store(LINEAGE_SUCCESSORS, Serdes.Long()),
                store(LINEAGE_EMITTED, AvroSerde.of(LineageState.class)),
                store(CHAT_CLUSTERS, Serdes.Long()),
                store(STAY_DOWN_ENTRIES, AvroSerde.of(StayDownEntry.class)),
                store(STAY_DOWN_DECISIONS, AvroSerde.of(StayDownDecision.class)));
    }

    /**
     * RocksDB behind Streams' record cache: a chat's state read and written by a burst of its messages, or a queued
     * message written and released within one commit interval, stay in memory and reach RocksDB and the changelog
     * once per commit, or never.
     */
    private static <V> StoreBuilder<KeyValueStore<String, V>> store(String name, Serde<V> values) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), values).withCachingEnabled();
    }


    public static ChatProfiles profiles(ProcessorContext<?, ?> context, ChatSettings settings, Policy policy) {
        return new ChatProfiles(new StoreTable<>(context.getStateStore(CHAT_STATE)), new StoreTable<>(context.getStateStore(CHAT_PROFILE)),
                settings.sketchChangesToSend(), policy.lineage());
    }

    public static NetworkMemory networkMemory(ProcessorContext<?, ?> context, NetworkSettings settings) {
        Policy policy = settings.policy();
        MessageWrites writes = new MessageWrites();
        Table<ClusterState> clusters = writes.over(new StoreTable<>(context.getStateStore(CLUSTERS)));
        Table<NodeState> nodes = writes.over(new StoreTable<>(context.getStateStore(NODES)));
        NodeChats nodeChats = new NodeChats(nodes, writes.over(new StoreTable<>(context.getStateStore(NODE_CHATS))));
        return new NetworkMemory(
                new MediaClusters(clusters, writes.over(new StoreTable<>(context.getStateStore(EXACT))), settings.matching()),
                new VictimCases(nodes, nodeChats,
                        writes.over(new StoreTable<>(context.getStateStore(CASES))),
                        writes.over(new StoreTable<>(context.getStateStore(CASE_MEMBERS))),
                        writes.over(new StoreTable<>(context.getStateStore(CASE_CHATS))),
                        policy.cases(), settings.benignIdentifiers()),
                new GroupLineage(writes.over(new StoreTable<>(context.getStateStore(PROFILES))),
                        writes.over(new StoreTable<>(context.getStateStore(LINEAGE_INDEX))),
                        writes.over(new StoreTable<>(context.getStateStore(LINEAGE_SUCCESSORS))),
                        writes.over(new StoreTable<>(context.getStateStore(LINEAGE_EMITTED))),
                        writes.over(new StoreTable<>(context.getStateStore(CHAT_CLUSTERS))), nodeChats, clusters,
                        policy.lineage(), policy.label()),
                new StayDownBank(writes.over(new StoreTable<>(context.getStateStore(STAY_DOWN_ENTRIES))),
                        writes.over(new StoreTable<>(context.getStateStore(STAY_DOWN_DECISIONS)))),
                writes.over(new StoreTable<>(context.getStateStore(RECENT_IMAGES))),
                writes.over(new StoreTable<>(context.getStateStore(RECENT_IDENTIFIERS))),
                policy.cases(), writes);
    }
}
