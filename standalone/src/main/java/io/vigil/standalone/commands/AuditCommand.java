package io.vigil.standalone.commands;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.runtime.config.KafkaSettings;
import io.vigil.runtime.kafka.KafkaClients;
import io.vigil.schemas.AuditAction;
import io.vigil.schemas.AuditRecord;
import io.vigil.schemas.serde.AvroSerde;
import io.vigil.schemas.topics.Topics;
import io.vigil.runtime.auth.Caller;
import io.vigil.runtime.auth.Permission;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;

/**
 * Reads the audit log between two times, as JSON lines. The caller's token is validated like the sink validates it
 * (signature against the provider's keys, issuer, audience, expiry) and must carry the admin role; the read itself
 * is written to the audit log before anything is shown.
 */
@Command(name = "audit", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Print the audit log (logins, claims, reveals, decisions, escalations, audit reads) between --from and --to",
                "as JSON lines. Needs an admin's token (--token, or the VIGIL_TOKEN variable); defaults match ./vigil demo."})
public final class AuditCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private java.io.PrintWriter out() {
        return spec.commandLine().getOut();
    }

    private java.io.PrintWriter err() {
        return spec.commandLine().getErr();
    }

    static final int EXIT_REFUSED = CallerCredential.EXIT_REFUSED;
    static final int EXIT_FAILED = 1;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Option(names = "--from", required = true, paramLabel = "TIME", description = "ISO instant (2026-12-03T08:00:00Z) or date (UTC).")
    String from;

    @Option(names = "--to", paramLabel = "TIME", description = "ISO instant or date (UTC, inclusive); default: now.")
    String to;

    @CommandLine.Mixin
    CallerCredential credential;

    @Option(names = "--bootstrap-servers", defaultValue = "127.0.0.1:9092", paramLabel = "HOST:PORT,...",
            description = "Kafka cluster (default: ${DEFAULT-VALUE}).")
    String bootstrapServers;

    @Option(names = "--command-config", paramLabel = "FILE",
            description = "Properties file of Kafka client settings (security.protocol, sasl.*, ssl.*), as Kafka's tools take.")
    Path commandConfig;

    @Override
    public Integer call() {
        java.io.PrintWriter out = out();
        Instant start;
        Instant end;
        try {
            start = time(from, false);
            end = to == null ? Instant.now() : time(to, true);
        } catch (DateTimeParseException e) {
            err().println("vigil audit: --from and --to take an ISO instant (2026-12-03T08:00:00Z) or a date (2026-12-03)");
            return 2;
        }
        Caller caller = credential.authorize("vigil audit", Permission.READ_AUDIT, "admin", err()).orElse(null);
        if (caller == null) {
            return EXIT_REFUSED;
        }
        KafkaClients clients = new KafkaClients(KafkaSettings.forClients(bootstrapServers, "vigil-audit", fileSettings()));
        try (CommandLogging quiet = CommandLogging.quietKafkaClients()) {
            if (!ReadAudit.record(clients, caller, AuditAction.AUDIT_READ, "from " + start + " to " + end)) {
                err().println("vigil audit: cannot write the audit record of this read; nothing is shown");
                return EXIT_FAILED;
            }
            read(clients, start, end, out);
            return 0;
        }
    }

    private static void read(KafkaClients clients, Instant start, Instant end, java.io.PrintWriter out) {
        AvroSerde<AuditRecord> serde = AvroSerde.of(AuditRecord.class);
        ObjectMapper json = new ObjectMapper();
        try (KafkaConsumer<String, byte[]> consumer = clients.committedReader("vigil-audit", new StringDeserializer(), new ByteArrayDeserializer())) {
            List<PartitionInfo> infos = consumer.partitionsFor(Topics.AUDIT_LOG.name(), TIMEOUT);
            List<TopicPartition> partitions = infos.stream().map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, TIMEOUT);
            Map<TopicPartition, Long> query = new HashMap<>();
            partitions.forEach(p -> query.put(p, start.toEpochMilli()));
            Map<TopicPartition, OffsetAndTimestamp> starts = consumer.offsetsForTimes(query, TIMEOUT);
            for (TopicPartition partition : partitions) {
                OffsetAndTimestamp first = starts.get(partition);
                consumer.seek(partition, first == null ? ends.get(partition) : first.offset());
            }
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() >= ends.get(new TopicPartition(record.topic(), record.partition()))) {
                        continue;
                    }
                    AuditRecord audit = serde.deserialize(record.topic(), record.value());
                    if (!audit.getAt().isBefore(start) && !audit.getAt().isAfter(end)) {
                        out.println(json.writeValueAsString(view(audit)));
                    }
                }
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("an audit record could not be written as JSON", e);
        }
    }

    private static Map<String, Object> view(AuditRecord audit) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("at", audit.getAt().toString());
        line.put("actor", audit.getActor());
        line.put("roles", audit.getRoles());
        line.put("from", audit.getSourceAddress());
        line.put("action", audit.getAction().name().toLowerCase(java.util.Locale.ROOT));
        line.put("outcome", audit.getOutcome());
        line.put("itemId", audit.getItemId());
        line.put("caseId", audit.getCaseId());
        line.put("queue", audit.getQueue());
        line.put("mediaIndex", audit.getMediaIndex());
        line.put("reason", audit.getReason());
        line.put("decisionId", audit.getDecisionId());
        line.put("auditId", audit.getAuditId());
        return line;
    }

    private Map<String, String> fileSettings() {
        Map<String, String> settings = new HashMap<>();
        if (commandConfig != null) {
            Properties file = new Properties();
            try (InputStream in = Files.newInputStream(commandConfig)) {
                file.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read --command-config " + commandConfig, e);
            }
            file.stringPropertyNames().forEach(name -> settings.put(name, file.getProperty(name)));
        }
        return settings;
    }

    private static Instant time(String value, boolean endOfDay) {
        if (value.length() == 10) {
            LocalDate day = LocalDate.parse(value);
            return endOfDay ? day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusMillis(1) : day.atStartOfDay().toInstant(ZoneOffset.UTC);
        }
        return Instant.parse(value);
    }
}
