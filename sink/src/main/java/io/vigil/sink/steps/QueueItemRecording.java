package io.vigil.sink.steps;

import io.micrometer.core.instrument.MeterRegistry;
import io.vigil.schemas.QueueEntry;
import io.vigil.schemas.QueueItem;
import io.vigil.sink.work.CaseKey;
import io.vigil.sink.work.CommandDecider;
import io.vigil.sink.work.SlaClock;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.KeyValue;
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
 * Records each new queue item in the queue state with its case and SLA deadline, and every few seconds runs the
 * queue's housekeeping: counts breaches of the SLA, escalates unclaimed items that near it (to the senior queue,
 * audited), forgets items decided long enough ago (the decision stays on its topic) and reports the queue gauges.
 */
public final class QueueItemRecording implements Processor<String, QueueItem, String, SpecificRecord> {

    public static final String ESCALATED_ITEMS = "escalated-item-sink";
    public static final String AUDIT = "audit-sink";
    private static final Duration HOUSEKEEPING_INTERVAL = Duration.ofSeconds(5);
    static final String SLA_REASON = "unclaimed near its SLA";

    private final QueueState state;
    private final SlaClock sla;
    private final CommandDecider decider;
    private final Duration keepDecided;
    private final MeterRegistry registry;
    private final Clock clock;
    private ProcessorContext<String, SpecificRecord> context;
    private KeyValueStore<String, QueueEntry> store;
    private String task;

    public QueueItemRecording(QueueState state, SlaClock sla, CommandDecider decider, Duration keepDecided, MeterRegistry registry,
                              Clock clock) {
        this.state = state;
        this.sla = sla;
        this.decider = decider;
        this.keepDecided = keepDecided;
        this.registry = registry;
        this.clock = clock;
    }

    @Override
    public void init(ProcessorContext<String, SpecificRecord> context) {
        this.context = context;
        store = context.getStateStore(QueueState.STORE);
        task = context.taskId().toString();
        AlignedHousekeeping.schedule(context, HOUSEKEEPING_INTERVAL, clock, this::housekeeping);
    }

    @Override
    public void process(Record<String, QueueItem> record) {
        QueueItem item = record.value();
        QueueEntry existing = store.get(item.getItemId());
        QueueEntry.Builder entry = existing == null
                ? QueueEntry.newBuilder().setItemId(item.getItemId()).setDueAt(sla.dueAt(item.getQueue(), item.getEnqueuedAt()))
                : QueueEntry.newBuilder(existing);
        store.put(item.getItemId(), entry.setItem(item).setCaseId(CaseKey.of(item)).setUpdatedAt(clock.instant()).build());
    }

    private void housekeeping() {
        Instant now = clock.instant();
        Instant forgetBefore = now.minus(keepDecided);
        List<String> forget = new ArrayList<>();
        List<QueueEntry> changed = new ArrayList<>();
        List<QueueEntry> kept = new ArrayList<>();
        try (KeyValueIterator<String, QueueEntry> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, QueueEntry> kv = all.next();
                QueueEntry entry = kv.value;
                if (entry.getDecision() != null && entry.getUpdatedAt().isBefore(forgetBefore)) {
                    forget.add(kv.key);
                    continue;
                }
                if (sla.newlyBreached(entry, now)) {
                    registry.counter("vigil.sla.breaches", "queue", CommandDecider.currentQueue(entry)).increment();
                    entry = QueueEntry.newBuilder(entry).setBreached(true).setUpdatedAt(now).build();
                    changed.add(entry);
                }
                if (sla.shouldEscalate(entry, now)) {
                    entry = decider.escalated(entry, AuditRecords.SLA_ACTOR, SLA_REASON, now);
                    changed.add(entry);
                    registry.counter("vigil.sla.escalations", "queue", entry.getEscalation().getFromQueue()).increment();
                    QueueItem moved = QueueItem.newBuilder(entry.getItem()).setQueue(entry.getQueue()).build();
                    context.forward(new Record<>(moved.getChatId(), moved, now.toEpochMilli()), ESCALATED_ITEMS);
                    context.forward(new Record<>(AuditRecords.SLA_ACTOR, AuditRecords.ofSlaEscalation(entry, now), now.toEpochMilli()), AUDIT);
                }
                kept.add(entry);
            }
        }
        forget.forEach(store::delete);
        changed.forEach(entry -> store.put(entry.getItemId(), entry));
        state.report(task, QueueState.openAges(kept, now));
    }
}
