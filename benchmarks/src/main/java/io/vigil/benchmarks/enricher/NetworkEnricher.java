package io.vigil.benchmarks.enricher;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vigil.enricher.EnricherMetrics;
import io.vigil.enricher.EnricherStores;
import io.vigil.enricher.chats.ChatProfiles;
import io.vigil.enricher.policy.Policy;
import io.vigil.enricher.policy.PolicyEvaluator;
import io.vigil.enricher.steps.ChatChange;
import io.vigil.enricher.steps.ChatOutput;
import io.vigil.enricher.steps.DetectionInGroup;
import io.vigil.enricher.steps.DetectionIntake;
import io.vigil.enricher.steps.FactsArrival;
import io.vigil.enricher.steps.NetworkMemoryStep;
import io.vigil.enricher.steps.NetworkOutput;
import io.vigil.enricher.steps.RiskAssessmentStep;
import io.vigil.pdq.matching.PdqMatchPolicy;
import io.vigil.schemas.Detection;
import io.vigil.schemas.GroupMetadata;
import io.vigil.schemas.HashBankEntry;
import io.vigil.schemas.LineageRecord;
import io.vigil.schemas.RiskAssessment;
import io.vigil.schemas.network.NetworkFacts;
import io.vigil.schemas.network.NetworkRequest;
import io.vigil.schemas.serde.AvroSerde;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The enricher with its network memory, record by record as its topology runs it: the chat side's intake, the
 * network task, the facts' arrival back on the chat side and the assessment, each hop through the topic's serde
 * (the Kafka transport itself is left out of both this and the baseline). The processors are the service's own.
 */
final class NetworkEnricher {

    /** The matcher's threshold (31 bits), its 8 rotations and mirrors, its quality floor (50): the service's defaults. */
    static final PdqMatchPolicy CLUSTER_MATCHING = new PdqMatchPolicy(31, true, 50);

    private static final AvroSerde<Detection> DETECTIONS = AvroSerde.of(Detection.class);
    private static final AvroSerde<NetworkRequest> REQUESTS = AvroSerde.of(NetworkRequest.class);
    private static final AvroSerde<NetworkFacts> FACTS = AvroSerde.of(NetworkFacts.class);
    private static final AvroSerde<LineageRecord> LINEAGE = AvroSerde.of(LineageRecord.class);
    private static final AvroSerde<HashBankEntry> BANK = AvroSerde.of(HashBankEntry.class);
    private static final AvroSerde<RiskAssessment> ASSESSMENTS = AvroSerde.of(RiskAssessment.class);

    private final KeyValueStore<String, GroupMetadata> groups;
    private final MockProcessorContext<String, ChatOutput> intakeContext;
    private final MockProcessorContext<String, ChatOutput> arrivalContext;
    private final MockProcessorContext<String, ChatOutput> lineageContext;
    private final MockProcessorContext<String, NetworkOutput> networkContext;
    private final DetectionIntake intake;
    private final FactsArrival arrival;
    private final ChatChange<LineageRecord> inheritance;
    private final NetworkMemoryStep network;
    private final RiskAssessmentStep assessment;

    NetworkEnricher(Stores stores, CountingStores counting, Policy policy, Path dir) {
        this.groups = stores.get(io.vigil.enricher.EnricherTopology.GROUP_STORE);
        EnricherMetrics metrics = new EnricherMetrics(new SimpleMeterRegistry());
        Clock clock = Clock.systemUTC();
        PolicyEvaluator evaluator = new PolicyEvaluator(policy);
        EnricherStores.ChatSettings chat = new EnricherStores.ChatSettings(30_000, 8);
        intakeContext = context(stores, counting, dir, EnricherStores.CHAT_STORES);
        arrivalContext = context(stores, counting, dir, EnricherStores.CHAT_STORES);
        lineageContext = context(stores, counting, dir, EnricherStores.CHAT_STORES);
        networkContext = context(stores, counting, dir, EnricherStores.NETWORK_STORES);
        intake = init(new DetectionIntake(evaluator, chat, clock), intakeContext);
        arrival = init(new FactsArrival(policy, chat, metrics, clock), arrivalContext);
        inheritance = init(new ChatChange<>(policy, chat, LineageRecord::getPlatform, ChatProfiles::onLineage, clock), lineageContext);
        network = init(new NetworkMemoryStep(new EnricherStores.NetworkSettings(policy, CLUSTER_MATCHING, Set.of()),
                metrics, clock), networkContext);
        assessment = new RiskAssessmentStep(evaluator, metrics, clock);
    }

    private static <K, V> MockProcessorContext<K, V> context(Stores stores, CountingStores counting, Path dir, String... names) {
        MockProcessorContext<K, V> context = Stores.context(dir);
        for (String name : names) {
            context.addStateStore(counting.counting(stores.<Object>get(name)));
        }
        return context;
    }

    private static <K, V, P extends Processor<K, V, String, O>, O> P init(P processor, MockProcessorContext<String, O> context) {
        processor.init(context);
        return processor;
    }

    int process(String chatId, byte[] bytes) {
        Detection detection = DETECTIONS.deserialize("detections", bytes);
        long ts = detection.getSentAt().toEpochMilli();
        intake.process(new Record<>(chatId, new DetectionInGroup(detection, Optional.ofNullable(groups.get(chatId))), ts));
        int written = 0;
        List<ChatOutput> pending = new ArrayList<>(drain(intakeContext));
        while (!pending.isEmpty()) {
            ChatOutput out = pending.remove(0);
            if (out instanceof ChatOutput.Released released) {
                written += ASSESSMENTS.serialize("risk-assessments", assessment.assess(released.message())).length;
                continue;
            }
            byte[] request = REQUESTS.serialize("network-requests", ((ChatOutput.ToNetwork) out).request());
            network.process(new Record<>(chatId, REQUESTS.deserialize("network-requests", request), ts));
            for (var forwarded : networkContext.forwarded()) {
                NetworkOutput result = forwarded.record().value();
                if (result instanceof NetworkOutput.Facts facts) {
                    byte[] b = FACTS.serialize("network-facts", facts.facts());
                    arrival.process(new Record<>(forwarded.record().key(), FACTS.deserialize("network-facts", b), ts));
                    pending.addAll(drain(arrivalContext));
                } else if (result instanceof NetworkOutput.Lineage lineage) {
                    byte[] b = LINEAGE.serialize("group-lineage", lineage.record());
                    inheritance.process(new Record<>(forwarded.record().key(), LINEAGE.deserialize("group-lineage", b), ts));
                    pending.addAll(drain(lineageContext));
                } else {
                    written += BANK.serialize("hash-bank", ((NetworkOutput.BankWrite) result).entry()).length;
                }
            }
            networkContext.resetForwards();
        }
        return written;
    }

    private static List<ChatOutput> drain(MockProcessorContext<String, ChatOutput> context) {
        List<ChatOutput> out = new ArrayList<>();
        for (var forwarded : context.forwarded()) {
            out.add(forwarded.record().value());
        }
        context.resetForwards();
        return out;
    }

}
