package io.vigil.enricher.steps;

import io.vigil.enricher.EnricherStores;
import io.vigil.enricher.chats.ChatProfiles;
import io.vigil.enricher.chats.ChatQueue;
import io.vigil.enricher.policy.PolicyEvaluator;
import io.vigil.enricher.state.StoreTable;
import io.vigil.schemas.Detection;
import io.vigil.enricher.chats.Chat;
import io.vigil.schemas.network.MessageSighting;
import io.vigil.schemas.network.NetworkRequest;
import io.vigil.schemas.network.NetworkRequestKind;
import io.vigil.schemas.network.PendingMessage;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

import java.time.Clock;
import java.util.Optional;

/**
 * A detection enters its chat: its evidence is weighed (so the network knows whether it is harmful), the chat's
 * profile learns its sender and links, and then either it asks the network memory for its facts and waits in the
 * chat's queue, or it goes straight to assessment. A message that needs nothing from the network does not wait behind
 * one that does: nothing it is assessed with depends on an earlier message's facts (the chat's strikes and lineage are
 * read when it leaves, as for every message), and the order that matters, an image's case reaching the number posted
 * after it, is kept by the network task, which sees a chat's requests in the chat's order.
 */
public final class DetectionIntake implements Processor<String, DetectionInGroup, String, ChatOutput> {

    private final PolicyEvaluator policy;
    private final EnricherStores.ChatSettings settings;
    private final Clock clock;
    private ProcessorContext<String, ChatOutput> context;
    private ChatProfiles profiles;
    private ChatQueue queue;

    public DetectionIntake(PolicyEvaluator policy, EnricherStores.ChatSettings settings, Clock clock) {
        this.policy = policy;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void init(ProcessorContext<String, ChatOutput> context) {
        this.context = context;
        this.profiles = EnricherStores.profiles(context, settings, policy.policy());
        this.queue = new ChatQueue(new StoreTable<>(context.getStateStore(EnricherStores.PENDING)), settings.maxWaitMillis());
    }

    @Override
    public void process(Record<String, DetectionInGroup> record) {
        Detection d = record.value().detection();
        String chatId = record.key();
        PolicyEvaluator.Verdict verdict = policy.verdict(RiskAssessmentStep.facts(d, record.value().group()));
        Chat chat = profiles.load(chatId, d.getPlatform());
        ChatProfiles.onMessage(chat, d, verdict.harmful());
        Optional<MessageSighting> sighting = MessageSightings.of(d, record.value().group(), verdict, policy.policy().cases());
        if (sighting.isPresent()) {
            MessageSighting s = sighting.get();
            s.setSeq(queue.enqueue(chat, PendingMessage.newBuilder().setDetection(d).setGroup(record.value().group().orElse(null))
                    .setNeedsFacts(true).setQueuedAt(clock.millis()).build()));
            context.forward(record.withValue(new ChatOutput.ToNetwork(NetworkRequest.newBuilder().setKind(NetworkRequestKind.SIGHTING)
                    .setChatId(chatId).setSighting(s).build())));
        } else {
            context.forward(record.withValue(new ChatOutput.Released(
                    ReleasedMessage.of(d, record.value().group(), Optional.empty(), Optional.empty(), chat))));
        }
        profiles.store(chat, clock.instant())
                .ifPresent(profile -> context.forward(record.withValue(new ChatOutput.ToNetwork(profile))));
    }
}
