package io.vigil.compliance.tdb;

import io.micrometer.core.instrument.MeterRegistry;
import io.vigil.compliance.delivery.DeliveryLoop;
import io.vigil.compliance.delivery.OutboundDeadLetters;
import io.vigil.compliance.statements.StatementJson;
import io.vigil.schemas.StatementOfReasons;
import io.vigil.schemas.serde.AvroSerde;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One batch of the statements-of-reasons topic to the Transparency Database: the statements to submit go as one
 * batch; those the database refuses become dead letters with the database's own reason; statements not meant for the
 * database (reversals) are passed over, and an unreadable record is a dead letter too.
 */
final class StatementDelivery implements DeliveryLoop.Handler {

    private static final AvroSerde<StatementOfReasons> SERDE = AvroSerde.of(StatementOfReasons.class);

    private final BatchSubmission submission;
    private final OutboundDeadLetters deadLetters;
    private final MeterRegistry registry;
    private final Clock clock;

    StatementDelivery(BatchSubmission submission, OutboundDeadLetters deadLetters, MeterRegistry registry, Clock clock) {
        this.submission = submission;
        this.deadLetters = deadLetters;
        this.registry = registry;
        this.clock = clock;
    }

    @Override
    public List<ProducerRecord<byte[], byte[]>> deliver(List<ConsumerRecord<byte[], byte[]>> batch)
            throws DeliveryLoop.RetryLaterException, InterruptedException {
        List<ProducerRecord<byte[], byte[]>> letters = new ArrayList<>();
        List<BatchSubmission.Pending<ConsumerRecord<byte[], byte[]>>> pending = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : batch) {
            Optional<StatementOfReasons> read = deadLetters.read(record, SERDE, letters, clock.instant());
            if (read.isEmpty()) {
                count("unreadable");
                continue;
            }
            StatementOfReasons statement = read.get();
            if (!statement.getSubmit()) {
                count("not_for_database");
                continue;
            }
            pending.add(new BatchSubmission.Pending<>(statement.getPuid(), StatementJson.toJson(statement.getStatement()), record));
        }
        if (pending.isEmpty()) {
            return letters;
        }
        List<BatchSubmission.Result<ConsumerRecord<byte[], byte[]>>> results;
        try {
            results = submission.submit(pending);
        } catch (BatchSubmission.RetryLater e) {
            registry.counter("vigil.tdb.retries").increment();
            throw new DeliveryLoop.RetryLaterException(e.getMessage(), e.retryAfter(), e);
        }
        for (BatchSubmission.Result<ConsumerRecord<byte[], byte[]>> result : results) {
            count(result.outcome().name().toLowerCase(Locale.ROOT));
            if (result.outcome() == BatchSubmission.Outcome.REJECTED) {
                letters.add(deadLetters.letter(result.statement().source(), "tdb_rejected",
                        "the Transparency Database refused statement " + result.statement().puid() + ": " + result.reason(),
                        "TransparencyDatabaseRejection", clock.instant()));
            }
        }
        return letters;
    }

    private void count(String outcome) {
        registry.counter("vigil.tdb.statements", "outcome", outcome).increment();
    }
}
