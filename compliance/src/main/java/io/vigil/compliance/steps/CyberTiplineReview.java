package io.vigil.compliance.steps;

import io.micrometer.core.instrument.MeterRegistry;
import io.vigil.runtime.errors.RejectedRecordException;
import io.vigil.schemas.NcmecConfirmation;
import io.vigil.schemas.NcmecReport;
import io.vigil.schemas.NcmecReportStatus;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.Clock;
import java.util.Locale;

/**
 * Applies a second person's review to a drafted CyberTipline report: confirmed (the submitter may send it) or
 * rejected. The person who confirmed the content cannot also confirm the report, and a report is reviewed once; a
 * review that breaks either rule goes to the dead letters with the reason.
 */
public final class CyberTiplineReview implements Processor<String, NcmecConfirmation, String, NcmecReport> {

    private final MeterRegistry registry;
    private final Clock clock;
    private ProcessorContext<String, NcmecReport> context;
    private KeyValueStore<String, NcmecReport> reports;

    public CyberTiplineReview(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    @Override
    public void init(ProcessorContext<String, NcmecReport> context) {
        this.context = context;
        reports = context.getStateStore(ComplianceStores.NCMEC_REPORTS);
    }

    @Override
    public void process(Record<String, NcmecConfirmation> record) {
        NcmecConfirmation review = record.value();
        NcmecReport report = reports.get(review.getReportId());
        if (report == null) {
            throw new RejectedRecordException("ncmec_report_unknown", "no drafted CyberTipline report " + review.getReportId() + " in this chat");
        }
        if (report.getStatus() != NcmecReportStatus.AWAITING_CONFIRMATION) {
            throw new RejectedRecordException("ncmec_report_already_reviewed", "CyberTipline report " + review.getReportId()
                    + " was already reviewed (" + report.getStatus() + ")");
        }
        if (review.getReviewerId().equals(report.getDecidedBy())) {
            throw new RejectedRecordException("ncmec_same_person", "CyberTipline report " + review.getReportId()
                    + " needs a second person: its reviewer confirmed the content");
        }
        NcmecReport reviewed = NcmecReport.newBuilder(report)
                .setStatus(review.getConfirmed() ? NcmecReportStatus.CONFIRMED : NcmecReportStatus.REJECTED)
                .setConfirmedBy(review.getReviewerId())
                .setConfirmedAt(review.getAt())
                .setUpdatedAt(clock.instant())
                .build();
        reports.put(reviewed.getReportId(), reviewed);
        registry.counter("vigil.ncmec.reports", "status", reviewed.getStatus().name().toLowerCase(Locale.ROOT)).increment();
        context.forward(record.withValue(reviewed));
    }
}
