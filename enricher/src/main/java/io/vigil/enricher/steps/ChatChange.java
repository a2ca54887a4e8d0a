package io.vigil.enricher.steps;

import io.vigil.enricher.EnricherStores;
import io.vigil.enricher.chats.ChatProfiles;
import io.vigil.enricher.policy.Policy;
import io.vigil.enricher.chats.Chat;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

import java.time.Clock;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Something changed about a chat rather than a message in it (its metadata, a service event, a lineage record for
 * it): the chat's profile takes the change, and is sent to the network task when lineage should look again.
 */
public final class ChatChange<V> implements Processor<String, V, String, ChatOutput> {

    private final Policy policy;
    private final EnricherStores.ChatSettings settings;
    private final Function<V, String> platform;
    private final BiConsumer<Chat, V> change;
    private final Clock clock;
    private ProcessorContext<String, ChatOutput> context;
    private ChatProfiles profiles;

    public ChatChange(Policy policy, EnricherStores.ChatSettings settings, Function<V, String> platform, BiConsumer<Chat, V> change,
                      Clock clock) {
        this.policy = policy;
        this.settings = settings;
        this.platform = platform;
        this.change = change;
        this.clock = clock;
    }

    @Override
    public void init(ProcessorContext<String, ChatOutput> context) {
        this.context = context;
        this.profiles = EnricherStores.profiles(context, settings, policy);
    }

    @Override
    public void process(Record<String, V> record) {
        if (record.value() == null) {
            return; // a deleted group's metadata: what the chat was stays in its profile
        }
        Chat chat = profiles.load(record.key(), platform.apply(record.value()));
        change.accept(chat, record.value());
        profiles.store(chat, clock.instant())
                .ifPresent(profile -> context.forward(record.withValue(new ChatOutput.ToNetwork(profile))));
    }
}
