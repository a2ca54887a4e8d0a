package io.vigil.compliance.steps;

import io.vigil.schemas.QueueItem;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.Clock;
import java.time.Duration;

/** Remembers every queue item until its decision may need it: its media kinds, posting time, group and spread. */
public final class ItemMemory implements Processor<String, QueueItem, Void, Void> {

    private final Duration keep;
    private final Clock clock;
    private KeyValueStore<String, QueueItem> items;

    public ItemMemory(Duration keep, Clock clock) {
        this.keep = keep;
        this.clock = clock;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        items = context.getStateStore(ComplianceStores.ITEMS);
        Forgetting.schedule(context, items, QueueItem::getEnqueuedAt, keep, clock);
    }

    @Override
    public void process(Record<String, QueueItem> record) {
        items.put(record.value().getItemId(), record.value());
    }
}
