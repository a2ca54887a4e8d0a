package io.vigil.compliance.steps;

import io.vigil.schemas.ModerationAction;
import io.vigil.schemas.ModerationDecision;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.Clock;
import java.time.Duration;

/**
 * Remembers reversing decisions (REVERSED, after a successful appeal) by their id: the RESTORE action that follows one
 * carries only the reversing decision's id, and its statement must withdraw the statement of the decision reversed.
 */
public final class ReversalMemory implements Processor<String, ModerationDecision, Void, Void> {

    private final Duration keep;
    private final Clock clock;
    private KeyValueStore<String, ModerationDecision> reversals;

    public ReversalMemory(Duration keep, Clock clock) {
        this.keep = keep;
        this.clock = clock;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        reversals = context.getStateStore(ComplianceStores.REVERSALS);
        Forgetting.schedule(context, reversals, ModerationDecision::getDecidedAt, keep, clock);
    }

    @Override
    public void process(Record<String, ModerationDecision> record) {
        ModerationDecision decision = record.value();
        if (decision.getAction() == ModerationAction.REVERSED && decision.getSupersedesDecisionId() != null) {
            reversals.put(decision.getDecisionId(), decision);
        }
    }
}
