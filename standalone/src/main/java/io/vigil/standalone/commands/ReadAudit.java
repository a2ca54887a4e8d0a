package io.vigil.standalone.commands;

import io.vigil.runtime.auth.Caller;
import io.vigil.runtime.kafka.KafkaClients;
import io.vigil.schemas.AuditAction;
import io.vigil.schemas.AuditRecord;
import io.vigil.schemas.serde.AvroSerde;
import io.vigil.schemas.topics.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/** A command's read of moderation data, written to the audit log before anything is shown. */
public final class ReadAudit {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private ReadAudit() {
    }

    /** True once the record is in the audit log; a command shows nothing otherwise. */
    public static boolean record(KafkaClients clients, Caller caller, AuditAction action, String reason) {
        AuditRecord record = AuditRecord.newBuilder().setAuditId("audit-" + UUID.randomUUID()).setAt(Instant.now())
                .setActor(caller.subject()).setActorName(caller.name()).setRoles(caller.roleNames()).setSourceAddress("command-line")
                .setAction(action).setOutcome("accepted").setReason(reason).build();
        try (KafkaProducer<String, AuditRecord> producer = clients.producer("vigil-read-audit", new StringSerializer(),
                AvroSerde.of(AuditRecord.class))) {
            producer.send(new ProducerRecord<>(Topics.AUDIT_LOG.name(), record.getActor(), record)).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
