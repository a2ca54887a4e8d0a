package io.vigil.enricher.steps;

import io.vigil.enricher.EnricherMetrics;
import io.vigil.enricher.EnricherStores;
import io.vigil.enricher.chats.ChatProfiles;
import io.vigil.enricher.chats.ChatQueue;
import io.vigil.enricher.policy.Policy;
import io.vigil.enricher.state.StoreTable;
import io.vigil.enricher.chats.Chat;
import io.vigil.schemas.network.NetworkFacts;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The network memory's answer reaches the message's chat: the message gets its facts, and the chat's queue
 * releases every message at its head that is ready, in order. Once a second (wall-clock), messages that waited past
 * the limit are released without their facts, so that a slow or restoring network task delays alerts by at most
 * the limit.
 */
public final class FactsArrival implements Processor<String, NetworkFacts, String, ChatOutput> {

    static final Duration TIMEOUT_CHECK = Duration.ofSeconds(1);

    private final Policy policy;
    private final EnricherStores.ChatSettings settings;
    private final EnricherMetrics metrics;
    private final Clock clock;
    private ProcessorContext<String, ChatOutput> context;
    private ChatProfiles profiles;
    private ChatQueue queue;

    public FactsArrival(Policy policy, EnricherStores.ChatSettings settings, EnricherMetrics metrics, Clock clock) {
        this.policy = policy;
        this.settings = settings;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public void init(ProcessorContext<String, ChatOutput> context) {
        this.context = context;
        this.profiles = EnricherStores.profiles(context, settings, policy);
        this.queue = new ChatQueue(new StoreTable<>(context.getStateStore(EnricherStores.PENDING)), settings.maxWaitMillis());
        context.schedule(TIMEOUT_CHECK, PunctuationType.WALL_CLOCK_TIME, now -> {
            for (String chatId : queue.overdue(clock.millis())) {
                release(chatId, now);
            }
        });
    }

    @Override
    public void process(Record<String, NetworkFacts> record) {
        NetworkFacts facts = record.value();
        Chat chat = profiles.load(record.key(), null);
        Optional<List<ChatQueue.Release>> released = queue.arrive(chat, facts.getSeq(), facts, clock.millis());
        if (released.isEmpty()) {
            metrics.lateFacts();
            return;
        }
        forward(chat, released.get(), record.timestamp());
    }

    private void release(String chatId, long timestamp) {
        Chat chat = profiles.load(chatId, null);
        forward(chat, queue.drain(chat, clock.millis()), timestamp);
    }

    private void forward(Chat chat, List<ChatQueue.Release> released, long timestamp) {
        for (ChatQueue.Release release : released) {
            metrics.released(release.waitedMillis(), release.unavailable().isPresent());
            ReleasedMessage message = ReleasedMessage.of(release.message().getDetection(), Optional.ofNullable(release.message().getGroup()),
                    Optional.ofNullable(release.message().getFacts()), release.unavailable(), chat);
            context.forward(new Record<>(chat.id(), new ChatOutput.Released(message), timestamp));
        }
        profiles.store(chat, clock.instant())
                .ifPresent(profile -> context.forward(new Record<>(chat.id(), new ChatOutput.ToNetwork(profile), timestamp)));
    }
}
