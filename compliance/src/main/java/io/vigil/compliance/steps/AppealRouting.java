package io.vigil.compliance.steps;

import io.micrometer.core.instrument.MeterRegistry;
import io.vigil.compliance.appeals.AppealItems;
import io.vigil.runtime.errors.RejectedRecordException;
import io.vigil.schemas.Appeal;
import io.vigil.schemas.QueueEntry;
import io.vigil.schemas.QueueItem;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.Clock;
import java.time.Duration;

/**
 * Puts each appeal in the appeals queue as a queue item on the contested decision's content, naming who took the
 * decision so that somebody else decides the appeal. An appeal against a decision this service does not know (or no
 * longer remembers) goes to the dead letters with the reason.
 */
public final class AppealRouting implements Processor<String, Appeal, String, QueueItem> {

    private final AppealItems items;
    private final Duration keep;
    private final MeterRegistry registry;
    private final Clock clock;
    private ProcessorContext<String, QueueItem> context;
    private KeyValueStore<String, QueueEntry> decisions;
    private KeyValueStore<String, Appeal> appeals;

    public AppealRouting(AppealItems items, Duration keep, MeterRegistry registry, Clock clock) {
        this.items = items;
        this.keep = keep;
        this.registry = registry;
        this.clock = clock;
    }

    @Override
    public void init(ProcessorContext<String, QueueItem> context) {
        this.context = context;
        decisions = context.getStateStore(ComplianceStores.DECISIONS);
        appeals = context.getStateStore(ComplianceStores.APPEALS);
        Forgetting.schedule(context, appeals, Appeal::getReceivedAt, keep, clock);
    }

    @Override
    public void process(Record<String, Appeal> record) {
        Appeal appeal = record.value();
        QueueEntry contested = decisions.get(appeal.getDecisionId());
        if (contested == null || contested.getDecision() == null) {
            throw new RejectedRecordException("appeal_decision_unknown", "appeal " + appeal.getAppealId() + " contests decision "
                    + appeal.getDecisionId() + ", which this service does not know in this chat");
        }
        if (!contested.getDecision().getChatId().equals(appeal.getChatId())) {
            throw new RejectedRecordException("appeal_chat_mismatch", "appeal " + appeal.getAppealId() + " names another chat than its decision");
        }
        AppealItems.Routed routed = items.route(appeal, contested.getDecision(), contested.getItem(), clock.instant());
        appeals.put(routed.item().getItemId(), routed.appeal());
        registry.counter("vigil.appeals", "status", "queued").increment();
        context.forward(record.withValue(routed.item()));
    }
}
