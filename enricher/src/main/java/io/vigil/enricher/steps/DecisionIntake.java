package io.vigil.enricher.steps;

import io.vigil.enricher.EnricherStores;
import io.vigil.enricher.chats.ChatProfiles;
import io.vigil.enricher.policy.Policy;
import io.vigil.enricher.staydown.StayDownBank;
import io.vigil.enricher.state.Keys;
import io.vigil.enricher.state.StoreTable;
import io.vigil.enricher.state.Table;
import io.vigil.runtime.errors.RejectedRecordException;
import io.vigil.schemas.ModerationAction;
import io.vigil.schemas.ModerationDecision;
import io.vigil.enricher.chats.Chat;
import io.vigil.schemas.network.NetworkRequest;
import io.vigil.schemas.network.NetworkRequestKind;
import io.vigil.schemas.network.StayDownRequest;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

import java.time.Clock;
import java.util.List;

/**
 * A moderator's decision in a chat: a confirmation is a strike against the chat (once per decision), and its media
 * go to the network task to be kept down; a reversal (an appeal upheld) takes the strike back and withdraws its
 * stay-down entries. A decision whose hashes are malformed is refused whole, before any of it applies.
 */
public final class DecisionIntake implements Processor<String, ModerationDecision, String, ChatOutput> {

    private final Policy policy;
    private final EnricherStores.ChatSettings settings;
    private final Clock clock;
    private ProcessorContext<String, ChatOutput> context;
    private ChatProfiles profiles;
    private Table<Long> strikes;

    public DecisionIntake(Policy policy, EnricherStores.ChatSettings settings, Clock clock) {
        this.policy = policy;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void init(ProcessorContext<String, ChatOutput> context) {
        this.context = context;
        this.profiles = EnricherStores.profiles(context, settings, policy);
        this.strikes = new StoreTable<>(context.getStateStore(EnricherStores.STRIKES));
    }

    @Override
    public void process(Record<String, ModerationDecision> record) {
        ModerationDecision d = record.value();
        List<String> problems = StayDownBank.problems(d);
        if (!problems.isEmpty()) {
            throw new RejectedRecordException("invalid_decision", "moderation decision refused: " + String.join("; ", problems));
        }
        String chatId = record.key();
        Chat chat = profiles.load(chatId, d.getPlatform());
        boolean stayDown = false;
        if (StayDownBank.confirms(d)) {
            String key = Keys.of(chatId, StayDownBank.idOf(d));
            if (strikes.get(key) == null) {
                strikes.put(key, d.getDecidedAt().toEpochMilli());
                ChatProfiles.onStrikes(chat, 1);
            }
            stayDown = !d.getMedia().isEmpty();
        } else if (d.getAction() == ModerationAction.REVERSED) {
            String key = Keys.of(chatId, d.getSupersedesDecisionId());
            if (strikes.get(key) != null) {
                strikes.delete(key);
                ChatProfiles.onStrikes(chat, -1);
            }
            stayDown = true;
        }
        if (stayDown) {
            context.forward(record.withValue(new ChatOutput.ToNetwork(NetworkRequest.newBuilder().setKind(NetworkRequestKind.STAY_DOWN)
                    .setChatId(chatId).setStayDown(StayDownRequest.newBuilder().setDecision(d).setChatTitle(chat.profile().getTitle()).build())
                    .build())));
        }
        profiles.store(chat, clock.instant())
                .ifPresent(p -> context.forward(record.withValue(new ChatOutput.ToNetwork(p))));
    }
}
