package io.vigil.sink.steps;

import io.micrometer.core.instrument.MeterRegistry;
import io.vigil.schemas.ModerationDecision;
import io.vigil.schemas.QueueEntry;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.Clock;
import java.util.Locale;

/** Closes a queue item with a moderator's decision. The first decision stands; later ones are counted, not applied. */
public final class DecisionRecording implements Processor<String, ModerationDecision, Void, Void> {

    private final MeterRegistry registry;
    private final Clock clock;
    private KeyValueStore<String, QueueEntry> store;

    public DecisionRecording(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(QueueState.STORE);
    }

    @Override
    public void process(Record<String, ModerationDecision> record) {
        ModerationDecision decision = record.value();
        QueueEntry existing = store.get(decision.getItemId());
        if (existing != null && existing.getDecision() != null) {
            registry.counter("vigil.decisions.superseded").increment();
            return;
        }
        store.put(decision.getItemId(), QueueEntry.newBuilder()
                .setItemId(decision.getItemId())
                .setItem(existing == null ? null : existing.getItem())
                .setDecision(decision)
                .setUpdatedAt(clock.instant())
                .build());
        registry.counter("vigil.decisions", "action", decision.getAction().name().toLowerCase(Locale.ROOT)).increment();
    }
}
