package io.vigil.compliance.ncmec;

import io.micrometer.core.instrument.MeterRegistry;
import io.vigil.compliance.delivery.DeliveryLoop;
import io.vigil.compliance.delivery.OutboundDeadLetters;
import io.vigil.schemas.NcmecReport;
import io.vigil.schemas.NcmecReportStatus;
import io.vigil.schemas.serde.AvroSerde;
import io.vigil.schemas.topics.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the states of CyberTipline reports from their topic and writes each one's next state after one step with
 * NCMEC; the next state is read in its turn, so a report moves confirmed, submitting (file by file), submitted. A
 * report that fails for good is also a dead letter, with NCMEC's reason, for the operator.
 */
final class NcmecDelivery implements DeliveryLoop.Handler {

    private static final AvroSerde<NcmecReport> SERDE = AvroSerde.of(NcmecReport.class);

    private final CyberTiplineSubmission submission;
    private final OutboundDeadLetters deadLetters;
    private final MeterRegistry registry;
    private final Clock clock;

    NcmecDelivery(CyberTiplineSubmission submission, OutboundDeadLetters deadLetters, MeterRegistry registry, Clock clock) {
        this.submission = submission;
        this.deadLetters = deadLetters;
        this.registry = registry;
        this.clock = clock;
    }

    @Override
    public List<ProducerRecord<byte[], byte[]>> deliver(List<ConsumerRecord<byte[], byte[]>> batch)
            throws DeliveryLoop.RetryLaterException, InterruptedException {
        List<ProducerRecord<byte[], byte[]>> outputs = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : batch) {
            Optional<NcmecReport> read = deadLetters.read(record, SERDE, outputs, clock.instant());
            if (read.isEmpty()) {
                continue;
            }
            NcmecReport report = read.get();
            Optional<NcmecReport> next;
            try {
                next = submission.step(report);
            } catch (CyberTiplineSubmission.RetryLater e) {
                registry.counter("vigil.ncmec.retries").increment();
                throw new DeliveryLoop.RetryLaterException(e.getMessage(), e.retryAfter(), e);
            }
            if (next.isEmpty()) {
                continue;
            }
            outputs.add(new ProducerRecord<>(Topics.NCMEC_REPORTS.name(), record.key(), SERDE.serialize(Topics.NCMEC_REPORTS.name(), next.get())));
            if (next.get().getStatus() != report.getStatus()) {
                registry.counter("vigil.ncmec.reports", "status", next.get().getStatus().name().toLowerCase(Locale.ROOT)).increment();
            }
            if (next.get().getStatus() == NcmecReportStatus.FAILED) {
                outputs.add(deadLetters.letter(record, "ncmec_rejected", "CyberTipline report " + report.getReportId() + ": "
                        + next.get().getLastError(), "CyberTiplineRejection", clock.instant()));
            }
        }
        return outputs;
    }
}
