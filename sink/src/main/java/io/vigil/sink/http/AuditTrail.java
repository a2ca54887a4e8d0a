package io.vigil.sink.http;

import io.vigil.runtime.kafka.KafkaClients;
import io.vigil.schemas.AuditRecord;
import io.vigil.schemas.serde.AvroSerde;
import io.vigil.schemas.topics.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Writes the audit records of acts the HTTP layer performs itself (logins, reveals) and waits for the broker: an
 * original is shown only after its reveal is on record. Claims and decisions are audited by the topology, in the
 * transaction that applies them.
 */
public final class AuditTrail implements AutoCloseable {

    private static final long SEND_TIMEOUT_SECONDS = 10;

    private final KafkaProducer<String, AuditRecord> producer;

    public AuditTrail(KafkaClients clients) {
        this.producer = clients.producer("vigil-sink-audit", new StringSerializer(), AvroSerde.of(AuditRecord.class));
    }

    /** @return whether the record is stored; when not, the act must not happen */
    public boolean record(AuditRecord record) throws InterruptedException {
        try {
            producer.send(new ProducerRecord<>(Topics.AUDIT_LOG.name(), record.getActor(), record)).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
