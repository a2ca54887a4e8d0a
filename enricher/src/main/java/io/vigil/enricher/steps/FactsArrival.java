package io.vigil.enricher.steps;

import io.vigil.enricher.EnricherMetrics;
import io.vigil.enricher.EnricherStores;
import io.vigil.enricher.chats.ChatProfiles;
import io.vigil.enricher.chats.ChatQueue;
import io.vigil.enricher.policy.Policy;
import io.vigil.enricher.state.StoreTable;
import io.vigil.enricher.chats.Chat;
import io.vigil.schemas.network.NetworkFacts;
import org.apache.kafka.streams.processor.Cancellable;
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
 * releases every message at its head that is ready, in order. Messages that waited past the limit are released
 * without their facts, so that a slow or restoring network task delays alerts by at most the limit: a wall-clock
 * check looks for them at most once a second, and no sooner than a head can pass the limit
 * ({@link ChatQueue#nextLookAt}), since each check that fires costs an exactly-once commit.
 */
public final class FactsArrival implements Processor<String, NetworkFacts, String, ChatOutput> {

    /** The shortest gap between two looks for overdue messages: how late past the limit a message may leave. */
    static final Duration TIMEOUT_CHECK = Duration.ofSeconds(1);

    private final Policy policy;
    private final EnricherStores.ChatSettings settings;
    private final EnricherMetrics metrics;
    private final Clock clock;
    private ProcessorContext<String, ChatOutput> context;
    private ChatProfiles profiles;
    private ChatQueue queue;
    private Cancellable timeoutCheck;

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
        scheduleTimeoutCheck();
    }

    /** One check at the next time a head can be overdue; each check schedules the next (see ChatQueue#nextLookAt). */
    private void scheduleTimeoutCheck() {
        long now = clock.millis();
        timeoutCheck = context.schedule(Duration.ofMillis(queue.nextLookAt(now, TIMEOUT_CHECK.toMillis()) - now),
                PunctuationType.WALL_CLOCK_TIME, this::releaseOverdue);
    }

    private void releaseOverdue(long timestamp) {
        try {
            for (String chatId : queue.overdue(clock.millis())) {
                release(chatId, timestamp);
            }
        } finally {
            // Also after a failure the processing handler let pass: the checks must go on.
            timeoutCheck.cancel();
            scheduleTimeoutCheck();
        }
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
