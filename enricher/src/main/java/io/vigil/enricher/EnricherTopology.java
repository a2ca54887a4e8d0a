package io.vigil.enricher;

import io.vigil.enricher.chats.ChatProfiles;
import io.vigil.enricher.policy.PolicyEvaluator;
import io.vigil.enricher.steps.ChatChange;
import io.vigil.enricher.steps.ChatOutput;
import io.vigil.enricher.steps.DecisionIntake;
import io.vigil.enricher.steps.DetectionInGroup;
import io.vigil.enricher.steps.DetectionIntake;
import io.vigil.enricher.steps.FactsArrival;
import io.vigil.enricher.steps.NetworkMemoryStep;
import io.vigil.enricher.steps.NetworkOutput;
import io.vigil.enricher.steps.RiskAssessmentStep;
import io.vigil.runtime.streams.GuardedTable;
import io.vigil.runtime.streams.OutputBound;
import io.vigil.runtime.validation.GroupMetadataValidation;
import io.vigil.schemas.Detection;
import io.vigil.schemas.GroupEvent;
import io.vigil.schemas.GroupMetadata;
import io.vigil.schemas.HashBankEntry;
import io.vigil.schemas.LineageRecord;
import io.vigil.schemas.ModerationDecision;
import io.vigil.schemas.RiskAssessment;
import io.vigil.schemas.network.NetworkFacts;
import io.vigil.schemas.network.NetworkRequest;
import io.vigil.schemas.serde.AvroSerde;
import io.vigil.schemas.topics.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Joined;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

import java.time.Clock;

/**
 * Two parts, each one Kafka Streams sub-topology.
 *
 * <p>Chat side, one task per chat partition: group-metadata -> table; group-metadata changes, group-events,
 * group-lineage -> the chat's profile; moderation-decisions -> strikes and stay-down requests; detections -> join
 * group -> weigh evidence, queue in chat order, ask the network memory (network-requests); network-facts -> attach,
 * release the chat's ready messages in order -> assess with the policy -> risk-assessments.
 *
 * <p>Network side, one task: network-requests (one partition) -> media clusters, victim cases, lineage, stay-down ->
 * network-facts (back to the chat), group-lineage, hash-bank.
 *
 * <p>Only validated group metadata is kept in the group table, which is restored after a restart from its own
 * changelog (never from the source topic, whose restore would bypass validation); a risk assessment is encoded
 * within the record limit before it is written (a larger one is a dead letter, never a failed transaction).
 */
public final class EnricherTopology {

    public static final String GROUP_STORE = "group-metadata-store";

    private final PolicyEvaluator policy;
    private final EnricherStores.ChatSettings chat;
    private final EnricherStores.NetworkSettings network;
    private final EnricherMetrics metrics;
    private final Clock clock;
    private final GroupMetadataValidation groupValidation;
    private final int maxRecordBytes;

    /** With the default record limit (kafka.max-record-bytes' default), for tests. */
    public EnricherTopology(PolicyEvaluator policy, EnricherStores.ChatSettings chat, EnricherStores.NetworkSettings network,
                            EnricherMetrics metrics, Clock clock) {
        this(policy, chat, network, metrics, clock, new GroupMetadataValidation(), 1_000_000);
    }

    /** @param maxRecordBytes largest risk assessment written (kafka.max-record-bytes); a larger one is a dead letter */
    public EnricherTopology(PolicyEvaluator policy, EnricherStores.ChatSettings chat, EnricherStores.NetworkSettings network,
                            EnricherMetrics metrics, Clock clock, GroupMetadataValidation groupValidation, int maxRecordBytes) {
        this.policy = policy;
        this.chat = chat;
        this.network = network;
        this.metrics = metrics;
        this.clock = clock;
        this.groupValidation = groupValidation;
        this.maxRecordBytes = maxRecordBytes;
    }

    public Topology build() {
        StreamsBuilder builder = new StreamsBuilder();
        EnricherStores.chatStores().forEach(builder::addStateStore);
        EnricherStores.networkStores().forEach(builder::addStateStore);
        AvroSerde<GroupMetadata> groupSerde = AvroSerde.of(GroupMetadata.class);
        RiskAssessmentStep assessment = new RiskAssessmentStep(policy, metrics, clock);

        // Only validated group metadata is kept, and restored after a restart from the table's own changelog.
        KTable<String, GroupMetadata> groups = GuardedTable.of(builder, Topics.GROUP_METADATA.name(), groupSerde,
                groupValidation::check, GROUP_STORE, "group-metadata");

        KStream<String, ChatOutput> fromMetadata = groups.toStream(Named.as("group-metadata-changes"))
                .process(() -> new ChatChange<>(policy.policy(), chat, GroupMetadata::getPlatform, ChatProfiles::onMetadata, clock),
                        Named.as("profile-from-metadata"), EnricherStores.CHAT_STATE, EnricherStores.CHAT_PROFILE);
        KStream<String, ChatOutput> fromEvents = builder.stream(Topics.GROUP_EVENTS.name(),
                        Consumed.with(Serdes.String(), AvroSerde.of(GroupEvent.class)).withName("group-events-source"))
                .process(() -> new ChatChange<>(policy.policy(), chat, GroupEvent::getPlatform, ChatProfiles::onEvent, clock),
                        Named.as("profile-from-group-events"), EnricherStores.CHAT_STATE, EnricherStores.CHAT_PROFILE);
        KStream<String, ChatOutput> fromLineage = builder.stream(Topics.GROUP_LINEAGE.name(),
                        Consumed.with(Serdes.String(), AvroSerde.of(LineageRecord.class)).withName("group-lineage-source"))
                .process(() -> new ChatChange<LineageRecord>(policy.policy(), chat, LineageRecord::getPlatform, ChatProfiles::onLineage, clock),
                        Named.as("inherit-lineage"), EnricherStores.CHAT_STATE, EnricherStores.CHAT_PROFILE);
        KStream<String, ChatOutput> fromDecisions = builder.stream(Topics.MODERATION_DECISIONS.name(),
                        Consumed.with(Serdes.String(), AvroSerde.of(ModerationDecision.class)).withName("moderation-decisions-source"))
                .process(() -> new DecisionIntake(policy.policy(), chat, clock), Named.as("count-strikes-and-keep-down"),
                        EnricherStores.CHAT_STATE, EnricherStores.CHAT_PROFILE, EnricherStores.STRIKES);
        KStream<String, ChatOutput> fromDetections = builder.stream(Topics.DETECTIONS.name(),
                        Consumed.with(Serdes.String(), AvroSerde.of(Detection.class)).withName("detections-source"))
                .leftJoin(groups, DetectionInGroup::join,
                        Joined.<String, Detection, GroupMetadata>with(Serdes.String(), null, groupSerde).withName("join-group"))
                .process(() -> new DetectionIntake(policy, chat, clock), Named.as("queue-in-chat-order"),
                        EnricherStores.CHAT_STATE, EnricherStores.CHAT_PROFILE, EnricherStores.PENDING);
        KStream<String, ChatOutput> fromFacts = builder.stream(Topics.NETWORK_FACTS.name(),
                        Consumed.with(Serdes.String(), AvroSerde.of(NetworkFacts.class)).withName("network-facts-source"))
                .process(() -> new FactsArrival(policy.policy(), chat, metrics, clock), Named.as("attach-network-facts"),
                        EnricherStores.CHAT_STATE, EnricherStores.CHAT_PROFILE, EnricherStores.PENDING);

        fromDetections
                .merge(fromFacts, Named.as("merge-released"))
                .merge(fromMetadata, Named.as("merge-metadata-profiles"))
                .merge(fromEvents, Named.as("merge-event-profiles"))
                .merge(fromLineage, Named.as("merge-lineage-profiles"))
                .merge(fromDecisions, Named.as("merge-decisions"))
                .split(Named.as("chat-"))
                .branch((chatId, out) -> out instanceof ChatOutput.ToNetwork, Branched.withConsumer(requests -> requests
                        .mapValues(out -> ((ChatOutput.ToNetwork) out).request(), Named.as("network-request"))
                        .to(Topics.NETWORK_REQUESTS.name(), Produced.with(Serdes.String(), AvroSerde.of(NetworkRequest.class))
                                .withName("network-requests-sink")), "to-network"))
                .defaultBranch(Branched.withConsumer(released -> released
                        .mapValues(out -> assessment.assess(((ChatOutput.Released) out).message()), Named.as("assess-risk"))
                        .mapValues(OutputBound.encode(AvroSerde.of(RiskAssessment.class), Topics.RISK_ASSESSMENTS.name(), maxRecordBytes),
                                Named.as("encode-risk-assessment"))
                        .to(Topics.RISK_ASSESSMENTS.name(), Produced.with(Serdes.String(), Serdes.ByteArray())
                                .withName("risk-assessments-sink")), "released"));

        builder.stream(Topics.NETWORK_REQUESTS.name(),
                        Consumed.with(Serdes.String(), AvroSerde.of(NetworkRequest.class)).withName("network-requests-source"))
                .process(() -> new NetworkMemoryStep(network, metrics, clock), Named.as("network-memory"), EnricherStores.NETWORK_STORES)
                .split(Named.as("network-"))
                .branch((key, out) -> out instanceof NetworkOutput.Facts, Branched.withConsumer(facts -> facts
                        .mapValues(out -> ((NetworkOutput.Facts) out).facts(), Named.as("facts"))
                        .to(Topics.NETWORK_FACTS.name(), Produced.with(Serdes.String(), AvroSerde.of(NetworkFacts.class))
                                .withName("network-facts-sink")), "facts"))
                .branch((key, out) -> out instanceof NetworkOutput.Lineage, Branched.withConsumer(lineage -> lineage
                        .mapValues(out -> ((NetworkOutput.Lineage) out).record(), Named.as("lineage-record"))
                        .to(Topics.GROUP_LINEAGE.name(), Produced.with(Serdes.String(), AvroSerde.of(LineageRecord.class))
                                .withName("group-lineage-sink")), "lineage"))
                .defaultBranch(Branched.withConsumer(bank -> bank
                        .mapValues(out -> ((NetworkOutput.BankWrite) out).entry(), Named.as("stay-down-entry"))
                        .to(Topics.HASH_BANK.name(), Produced.with(Serdes.String(), AvroSerde.of(HashBankEntry.class))
                                .withName("hash-bank-sink")), "stay-down"));

        return builder.build();
    }
}
