package io.vigil.sink.steps;

import io.micrometer.core.instrument.MeterRegistry;
import io.vigil.schemas.CommandKind;
import io.vigil.schemas.CommandOutcome;
import io.vigil.schemas.ModerationCommand;
import io.vigil.schemas.QueueEntry;
import io.vigil.schemas.QueueItem;
import io.vigil.sink.work.CommandDecider;
import io.vigil.sink.work.Enforcement;
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
import java.util.Locale;

/**
 * Applies moderators' commands to the queue state, one item's commands in the order they were written: the
 * verdict (accepted, or why not) goes to the outcome store where the waiting request reads it; an accepted
 * decision goes out as a {@code ModerationDecision} and an {@code EnforcementAction}; an escalation moves the item
 * to the senior queue's topic; every command, accepted or not, is audited. State, outcome and outputs commit in one
 * transaction, so a crash or a second sink instance can neither lose a decision nor accept two.
 */
public final class CommandHandling implements Processor<String, ModerationCommand, String, SpecificRecord> {

    public static final String DECISIONS = "decision-sink";
    public static final String ENFORCEMENT = "enforcement-sink";
    public static final String ESCALATED_ITEMS = QueueItemRecording.ESCALATED_ITEMS;
    public static final String AUDIT = QueueItemRecording.AUDIT;
    /** Outcomes are read by the request that waits for them within seconds; ten minutes covers any retry. */
    private static final Duration KEEP_OUTCOMES = Duration.ofMinutes(10);
    private static final Duration CLEANUP_INTERVAL = Duration.ofMinutes(1);

    private final CommandDecider decider;
    private final MeterRegistry registry;
    private final Clock clock;
    private ProcessorContext<String, SpecificRecord> context;
    private KeyValueStore<String, QueueEntry> store;
    private KeyValueStore<String, CommandOutcome> outcomes;

    public CommandHandling(CommandDecider decider, MeterRegistry registry, Clock clock) {
        this.decider = decider;
        this.registry = registry;
        this.clock = clock;
    }

    @Override
    public void init(ProcessorContext<String, SpecificRecord> context) {
        this.context = context;
        store = context.getStateStore(QueueState.STORE);
        outcomes = context.getStateStore(QueueState.OUTCOMES);
        // On the minute: the same loop as the queue housekeeping's 5 s boundaries, so one commit serves both.
        AlignedHousekeeping.schedule(context, CLEANUP_INTERVAL, clock, this::forgetOldOutcomes);
    }

    @Override
    public void process(Record<String, ModerationCommand> record) {
        ModerationCommand command = record.value();
        if (outcomes.get(command.getCommandId()) != null) {
            return; // the same command written twice (a producer retry from another instance): the first verdict stands
        }
        Instant now = clock.instant();
        CommandDecider.Verdict verdict = decider.decide(store.get(command.getItemId()), command, now);
        outcomes.put(command.getCommandId(), verdict.outcome());
        registry.counter("vigil.moderation.commands", "kind", lower(command.getKind().name()),
                "outcome", lower(verdict.outcome().getStatus().name())).increment();
        long timestamp = now.toEpochMilli();
        if (verdict.accepted()) {
            QueueEntry updated = verdict.updated();
            store.put(updated.getItemId(), updated);
            if (verdict.decision() != null) {
                registry.counter("vigil.decisions", "action", lower(verdict.decision().getAction().name())).increment();
                context.forward(new Record<>(updated.getItem().getChatId(), verdict.decision(), timestamp), DECISIONS);
                context.forward(new Record<>(updated.getItem().getChatId(), Enforcement.of(verdict.decision(), updated.getItem(), now),
                        timestamp), ENFORCEMENT);
            }
            if (command.getKind() == CommandKind.ESCALATE) {
                QueueItem moved = QueueItem.newBuilder(updated.getItem()).setQueue(updated.getQueue()).build();
                context.forward(new Record<>(moved.getChatId(), moved, timestamp), ESCALATED_ITEMS);
            }
        }
        context.forward(new Record<>(command.getActor(), AuditRecords.ofCommand(command, verdict.outcome()), timestamp), AUDIT);
    }

    private void forgetOldOutcomes() {
        Instant before = clock.instant().minus(KEEP_OUTCOMES);
        List<String> old = new ArrayList<>();
        try (KeyValueIterator<String, CommandOutcome> all = outcomes.all()) {
            while (all.hasNext()) {
                KeyValue<String, CommandOutcome> kv = all.next();
                if (kv.value.getAt().isBefore(before)) {
                    old.add(kv.key);
                }
            }
        }
        old.forEach(outcomes::delete);
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
