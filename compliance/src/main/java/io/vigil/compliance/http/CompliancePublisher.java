package io.vigil.compliance.http;

import io.vigil.runtime.kafka.KafkaClients;
import io.vigil.schemas.Appeal;
import io.vigil.schemas.AuditRecord;
import io.vigil.schemas.NcmecConfirmation;
import io.vigil.schemas.Notice;
import io.vigil.schemas.NoticeResponse;
import io.vigil.schemas.serde.AvroSerde;
import io.vigil.schemas.topics.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes what the compliance routes accept, each request's records in one Kafka transaction: a notice with its
 * acknowledgement, an appeal, a second person's review with its audit record. A request is answered only after its
 * transaction committed, so an acknowledged notice is never lost, and a failed one leaves nothing half-written.
 */
public final class CompliancePublisher implements AutoCloseable {

    private static final StringSerializer KEYS = new StringSerializer();

    private final KafkaProducer<String, byte[]> producer;

    public CompliancePublisher(KafkaClients clients, String clientId) {
        Map<String, Object> config = clients.common(clientId);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, clientId + "-" + UUID.randomUUID());
        this.producer = new KafkaProducer<>(config, KEYS, new ByteArraySerializer());
        this.producer.initTransactions();
    }

    public void notice(Notice notice, NoticeResponse receipt) {
        write(List.of(
                record(Topics.NOTICES.name(), notice.getChatId(), AvroSerde.of(Notice.class).serialize(Topics.NOTICES.name(), notice)),
                record(Topics.NOTICE_RESPONSES.name(), receipt.getChatId(),
                        AvroSerde.of(NoticeResponse.class).serialize(Topics.NOTICE_RESPONSES.name(), receipt))));
    }

    public void appeal(Appeal appeal) {
        write(List.of(record(Topics.APPEALS.name(), appeal.getChatId(), AvroSerde.of(Appeal.class).serialize(Topics.APPEALS.name(), appeal))));
    }

    public void review(NcmecConfirmation review, AuditRecord audit) {
        write(List.of(
                record(Topics.NCMEC_CONFIRMATIONS.name(), review.getChatId(),
                        AvroSerde.of(NcmecConfirmation.class).serialize(Topics.NCMEC_CONFIRMATIONS.name(), review)),
                record(Topics.AUDIT_LOG.name(), audit.getActor(), AvroSerde.of(AuditRecord.class).serialize(Topics.AUDIT_LOG.name(), audit))));
    }

    private static ProducerRecord<String, byte[]> record(String topic, String key, byte[] value) {
        return new ProducerRecord<>(topic, key, value);
    }

    /** One transaction; the exception (a broker that cannot be reached, a fenced producer) goes to the caller. */
    private synchronized void write(List<ProducerRecord<String, byte[]>> records) {
        producer.beginTransaction();
        try {
            records.forEach(producer::send);
            producer.commitTransaction();
        } catch (KafkaException e) {
            try {
                producer.abortTransaction();
            } catch (KafkaException ignored) {
                // The transaction is already lost; the caller answers that nothing was written.
            }
            throw e;
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
