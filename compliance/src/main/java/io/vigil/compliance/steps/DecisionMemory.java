package io.vigil.compliance.steps;

import io.vigil.schemas.ModerationDecision;
import io.vigil.schemas.QueueEntry;
import io.vigil.schemas.QueueItem;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.Clock;
import java.time.Duration;

/**
 * Remembers every decision by its id, with the queue item it was taken on, for as long as an appeal may contest it:
 * an appeal needs who decided, what, and on which content; a RESTORE action carries only the reversing decision's id,
 * and its statement must withdraw the statement of the decision reversed.
 */
public final class DecisionMemory implements Processor<String, ModerationDecision, Void, Void> {

    private final Duration keep;
    private final Clock clock;
    private KeyValueStore<String, QueueItem> items;
    private KeyValueStore<String, QueueEntry> decisions;

    public DecisionMemory(Duration keep, Clock clock) {
        this.keep = keep;
        this.clock = clock;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        items = context.getStateStore(ComplianceStores.ITEMS);
        decisions = context.getStateStore(ComplianceStores.DECISIONS);
        Forgetting.schedule(context, decisions, QueueEntry::getUpdatedAt, keep, clock);
    }

    @Override
    public void process(Record<String, ModerationDecision> record) {
        ModerationDecision decision = record.value();
        decisions.put(decision.getDecisionId(), QueueEntry.newBuilder()
                .setItemId(decision.getItemId())
                .setItem(items.get(decision.getItemId()))
                .setDecision(decision)
                .setUpdatedAt(decision.getDecidedAt())
                .build());
    }
}
