package io.vigil.compliance.steps;

import io.micrometer.core.instrument.MeterRegistry;
import io.vigil.compliance.appeals.AppealOutcomes;
import io.vigil.runtime.errors.RejectedRecordException;
import io.vigil.schemas.Appeal;
import io.vigil.schemas.AppealOutcome;
import io.vigil.schemas.ModerationDecision;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import java.util.Locale;

/**
 * Turns the decision on an appeal's queue item into the appeal's outcome for the user. An appeal is decided once; a
 * decision on it by the moderator who took the contested decision is refused (the workflow refuses it first) and goes
 * to the dead letters.
 */
public final class AppealResolution implements Processor<String, ModerationDecision, String, AppealOutcome> {

    private final AppealOutcomes outcomes;
    private final MeterRegistry registry;
    private ProcessorContext<String, AppealOutcome> context;
    private KeyValueStore<String, Appeal> appeals;

    public AppealResolution(AppealOutcomes outcomes, MeterRegistry registry) {
        this.outcomes = outcomes;
        this.registry = registry;
    }

    @Override
    public void init(ProcessorContext<String, AppealOutcome> context) {
        this.context = context;
        appeals = context.getStateStore(ComplianceStores.APPEALS);
    }

    @Override
    public void process(Record<String, ModerationDecision> record) {
        ModerationDecision decision = record.value();
        Appeal appeal = appeals.get(decision.getItemId());
        if (appeal == null) {
            return;
        }
        if (decision.getModeratorId().equals(appeal.getOriginalModeratorId())) {
            throw new RejectedRecordException("appeal_decided_by_original_moderator", "appeal " + appeal.getAppealId()
                    + " was decided by the moderator whose decision it contests");
        }
        AppealOutcome outcome = outcomes.outcome(appeal, decision);
        appeals.delete(decision.getItemId());
        registry.counter("vigil.appeals", "status", outcome.getOutcome().name().toLowerCase(Locale.ROOT)).increment();
        context.forward(record.withValue(outcome));
    }
}
