package io.vigil.compliance.steps;

import io.micrometer.core.instrument.MeterRegistry;
import io.vigil.compliance.ncmec.CyberTiplineReportBuilder;
import io.vigil.compliance.ncmec.CyberTiplineValidator;
import io.vigil.compliance.ncmec.CyberTiplineXml;
import io.vigil.runtime.errors.RejectedRecordException;
import io.vigil.schemas.ContentCategory;
import io.vigil.schemas.ModerationAction;
import io.vigil.schemas.ModerationDecision;
import io.vigil.schemas.NcmecReport;
import io.vigil.schemas.QueueItem;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Drafts a CyberTipline report for every moderator decision that confirms child sexual abuse material, from the
 * decision and its queue item, and holds it for a second person's confirmation. A report that does not pass the
 * documented fields goes to the dead letters with the problems: it must never wait unseen.
 */
public final class CyberTiplineDrafting implements Processor<String, ModerationDecision, String, NcmecReport> {

    static final Set<ModerationAction> CONFIRMING = Set.of(ModerationAction.CONFIRMED_REMOVE,
            ModerationAction.CONFIRMED_REMOVE_AND_BAN, ModerationAction.CONFIRMED_RESTRICT_CHAT);

    private final CyberTiplineReportBuilder builder;
    private final CyberTiplineValidator validator;
    private final Duration keep;
    private final MeterRegistry registry;
    private final Clock clock;
    private ProcessorContext<String, NcmecReport> context;
    private KeyValueStore<String, QueueItem> items;
    private KeyValueStore<String, NcmecReport> reports;

    public CyberTiplineDrafting(CyberTiplineReportBuilder builder, CyberTiplineValidator validator, Duration keep,
                                MeterRegistry registry, Clock clock) {
        this.builder = builder;
        this.validator = validator;
        this.keep = keep;
        this.registry = registry;
        this.clock = clock;
    }

    @Override
    public void init(ProcessorContext<String, NcmecReport> context) {
        this.context = context;
        items = context.getStateStore(ComplianceStores.ITEMS);
        reports = context.getStateStore(ComplianceStores.NCMEC_REPORTS);
        Forgetting.schedule(context, reports, NcmecReport::getUpdatedAt, keep, clock);
    }

    @Override
    public void process(Record<String, ModerationDecision> record) {
        ModerationDecision decision = record.value();
        if (decision.getCategory() != ContentCategory.CSAM || !CONFIRMING.contains(decision.getAction())) {
            return;
        }
        String reportId = CyberTiplineReportBuilder.reportId(decision.getDecisionId());
        if (reports.get(reportId) != null) {
            registry.counter("vigil.ncmec.reports.duplicate.decisions").increment();
            return;
        }
        NcmecReport report = builder.draft(decision, Optional.ofNullable(items.get(decision.getItemId())), clock.instant());
        List<String> problems = validator.validateReport(CyberTiplineXml.parse(report.getReportXml()));
        if (!problems.isEmpty()) {
            throw new RejectedRecordException("ncmec_report_invalid", "the CyberTipline report for decision " + decision.getDecisionId()
                    + " does not pass the documented fields: " + String.join("; ", problems));
        }
        reports.put(reportId, report);
        registry.counter("vigil.ncmec.reports", "status", "awaiting_confirmation").increment();
        context.forward(record.withValue(report));
    }
}
