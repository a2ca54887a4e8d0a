package io.vigil.sink.steps;

import io.vigil.schemas.QueueEntry;
import io.vigil.schemas.QueueItem;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Records each new queue item in the queue state, and now and then forgets items decided long enough ago (the
 * decision itself stays on its topic) and reports the open counts.
 */
public final class QueueItemRecording implements Processor<String, QueueItem, Void, Void> {

    private static final Duration HOUSEKEEPING_INTERVAL = Duration.ofSeconds(5);

    private final QueueState state;
    private final Duration keepDecided;
    private final Clock clock;
    private KeyValueStore<String, QueueEntry> store;
    private String task;

    public QueueItemRecording(QueueState state, Duration keepDecided, Clock clock) {
        this.state = state;
        this.keepDecided = keepDecided;
        this.clock = clock;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(QueueState.STORE);
        task = context.taskId().toString();
        context.schedule(HOUSEKEEPING_INTERVAL, PunctuationType.WALL_CLOCK_TIME, now -> housekeeping());
    }

    @Override
    public void process(Record<String, QueueItem> record) {
        QueueItem item = record.value();
        QueueEntry existing = store.get(item.getItemId());
        store.put(item.getItemId(), QueueEntry.newBuilder()
                .setItemId(item.getItemId())
                .setItem(item)
                .setDecision(existing == null ? null : existing.getDecision())
                .setUpdatedAt(clock.instant())
                .build());
    }

    private void housekeeping() {
        Instant forgetBefore = clock.instant().minus(keepDecided);
        List<String> forget = new ArrayList<>();
        List<QueueEntry> entries = new ArrayList<>();
        try (KeyValueIterator<String, QueueEntry> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, QueueEntry> kv = all.next();
                if (kv.value.getDecision() != null && kv.value.getUpdatedAt().isBefore(forgetBefore)) {
                    forget.add(kv.key);
                } else {
                    entries.add(kv.value);
                }
            }
        }
        forget.forEach(store::delete);
        state.report(task, QueueState.count(entries));
    }
}
