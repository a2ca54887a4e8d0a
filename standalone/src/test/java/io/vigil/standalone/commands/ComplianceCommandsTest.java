package io.vigil.standalone.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.compliance.Fixtures;
import io.vigil.compliance.transparency.TransparencyScenario;
import io.vigil.runtime.streams.TopicCreator;
import io.vigil.schemas.Appeal;
import io.vigil.schemas.AppealOutcome;
import io.vigil.schemas.ContentCategory;
import io.vigil.schemas.EnforcementAction;
import io.vigil.schemas.ModerationAction;
import io.vigil.schemas.ModerationDecision;
import io.vigil.schemas.Notice;
import io.vigil.schemas.RiskAssessment;
import io.vigil.schemas.StatementOfReasons;
import io.vigil.schemas.serde.AvroSerde;
import io.vigil.schemas.topics.Topics;
import io.vigil.standalone.embedded.EmbeddedKafka;
import io.vigil.standalone.identity.DemoIssuer;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code vigil report transparency} and {@code vigil export decisions} against a real broker holding the hand-written
 * month of TransparencyScenario (the report's figures counted by hand), and an export larger than the 10,000-row cap
 * other tools have.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComplianceCommandsTest {

    private static final int BULK = 12_000;

    @TempDir
    static Path dataDir;

    private EmbeddedKafka kafka;
    private DemoIssuer issuer;
    private final TransparencyScenario scenario = new TransparencyScenario();

    @BeforeAll
    void start() {
        kafka = EmbeddedKafka.start(dataDir, 0);
        issuer = DemoIssuer.start(dataDir.resolve("identity"), "127.0.0.1", 0, java.util.Set.of());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            TopicCreator.ensure(admin, Topics.fixed(), 3, (short) 1);
        }
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers(), ProducerConfig.LINGER_MS_CONFIG, 20), new StringSerializer(),
                new org.apache.kafka.common.serialization.ByteArraySerializer())) {
            send(producer, Topics.NOTICES.name(), Notice.class, scenario.notices, Notice::getChatId);
            send(producer, Topics.MODERATION_DECISIONS.name(), ModerationDecision.class, scenario.decisions, ModerationDecision::getChatId);
            send(producer, Topics.ENFORCEMENT_ACTIONS.name(), EnforcementAction.class, scenario.actions, EnforcementAction::getChatId);
            send(producer, Topics.STATEMENTS_OF_REASONS.name(), StatementOfReasons.class, scenario.statements, StatementOfReasons::getChatId);
            send(producer, Topics.APPEALS.name(), Appeal.class, scenario.appeals, Appeal::getChatId);
            send(producer, Topics.APPEAL_OUTCOMES.name(), AppealOutcome.class, scenario.outcomes, AppealOutcome::getChatId);
            send(producer, Topics.RISK_ASSESSMENTS.name(), RiskAssessment.class, scenario.assessments, RiskAssessment::getChatId);
            List<ModerationDecision> bulk = new java.util.ArrayList<>();
            for (int i = 0; i < BULK; i++) {
                ModerationDecision decision = Fixtures.decision("bulk-" + (i % 97), "b" + i, ModerationAction.DISMISSED_FALSE_POSITIVE,
                        ContentCategory.NCII, "moderator-bulk");
                decision.setDecisionId("bulk-" + i);
                decision.setDecidedAt(Instant.parse("2026-03-01T00:00:00Z").plusSeconds(i));
                bulk.add(decision);
            }
            send(producer, Topics.MODERATION_DECISIONS.name(), ModerationDecision.class, bulk, ModerationDecision::getChatId);
            producer.flush();
        }
    }

    private String token(String subject, String role) {
        return issuer.minter().accessToken(subject, List.of(role), DemoIssuer.AUDIENCE, Instant.now(), java.time.Duration.ofMinutes(30));
    }

    /** The command line with an admin's token of the test issuer. */
    private CliRun run(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of(args));
        all.addAll(List.of("--bootstrap-servers", kafka.bootstrapServers(), "--issuer", issuer.issuer(), "--token", token("ada", "admin")));
        return CliRun.of(all.toArray(String[]::new));
    }

    private static <V extends SpecificRecordBase> void send(KafkaProducer<String, byte[]> producer, String topic, Class<V> type,
                                                            List<V> records, Function<V, String> key) {
        AvroSerde<V> serde = AvroSerde.of(type);
        records.forEach(record -> producer.send(new ProducerRecord<>(topic, key.apply(record), serde.serialize(topic, record))));
    }

    @AfterAll
    void stop() {
        if (issuer != null) {
            issuer.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void theTransparencyReportAsCsvHasTheHandCountedFigures() {
        CliRun run = run("report", "transparency", "--from", "2026-01-01", "--to", "2026-02-01", "--format", "csv");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.outLines()).contains(
                "period,from,,2026-01-01T00:00:00Z",
                "notices,total,,5",
                "notices,by_category,STATEMENT_CATEGORY_CYBER_VIOLENCE,3",
                "notices,by_category,STATEMENT_CATEGORY_NOT_SPECIFIED_NOTICE,1",
                "notices,by_category,STATEMENT_CATEGORY_PROTECTION_OF_MINORS,1",
                "notices,by_reporter_type,TRUSTED_FLAGGER,2",
                "notices,by_outcome,pending,1",
                "notices,median_seconds_to_decision,,10800",
                "own_initiative,total,,3",
                "actions,enforcement_actions,,8",
                "actions,by_type,NO_ACTION,1",
                "actions,restrictions,,7",
                "actions,by_ground_and_restriction,DECISION_GROUND_ILLEGAL_CONTENT/DECISION_VISIBILITY_CONTENT_REMOVED,1",
                "actions,by_ground_and_restriction,DECISION_GROUND_INCOMPATIBLE_CONTENT/DECISION_VISIBILITY_CONTENT_REMOVED,5",
                "automated_means,automated_detection_share,,0.4286",
                "appeals,received,,3",
                "appeals,upheld,,1",
                "appeals,reversed,,1",
                "appeals,median_seconds_to_decision,,129600",
                "vigil,messages_with_hash_match,,2",
                "vigil,stay_down_hits,,1",
                "vigil,recreated_groups,,1");
    }

    @Test
    void theTransparencyReportAsJsonHasTheSameFigures() throws Exception {
        CliRun run = run("report", "transparency", "--from", "2026-01-01", "--to", "2026-02-01", "--format", "json");
        JsonNode report = new ObjectMapper().readTree(run.out());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(report.at("/notices/byReporterType/USER").asLong()).isEqualTo(2);
        assertThat(report.at("/ownInitiative/byRestriction/DECISION_VISIBILITY_CONTENT_DISABLED").asLong()).isEqualTo(1);
        assertThat(report.at("/actions/byType/REMOVE_MESSAGE").asLong()).isEqualTo(5);
        assertThat(report.at("/vigil/mediaMatchedByBankSource/STOPNCII").asLong()).isEqualTo(2);
        assertThat(report.at("/sources/moderation-decisions/records").asLong()).isEqualTo(9 + BULK);
    }

    @Test
    void aPeriodThatEndsBeforeItStartsOrAnUnknownFormatIsRefused() {
        assertThat(run("report", "transparency", "--from", "2026-02-01", "--to", "2026-01-01").err()).contains("--to must be after --from");
        CliRun xml = run("report", "transparency", "--from", "2026-01-01", "--to", "2026-02-01", "--format", "xml");
        assertThat(xml.exitCode()).isEqualTo(2);
        assertThat(run("report", "transparency", "--from", "January", "--to", "2026-02-01").err()).contains("is neither a date");
    }

    @Test
    void theExportStreamsEveryDecisionOfThePeriodWithItsStatement() throws Exception {
        CliRun run = run("export", "decisions", "--from", "2026-01-01", "--to", "2026-02-01");

        assertThat(run.exitCode()).as(run.err()).isZero();
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> lines = run.outLines().stream().map(line -> {
            try {
                return json.readTree(line);
            } catch (Exception e) {
                throw new AssertionError("not a JSON line: " + line, e);
            }
        }).toList();
        // D1-D8 were taken in January (D9 in February); all but D4 (no action) restricted and have a statement.
        assertThat(lines).extracting(l -> l.at("/decision/decisionId").asText())
                .containsExactlyInAnyOrder("D1", "D2", "D3", "D4", "D5", "D6", "D7", "D8");
        assertThat(lines).filteredOn(l -> l.get("statements").size() == 1).hasSize(7);
        JsonNode d3 = lines.stream().filter(l -> l.at("/decision/decisionId").asText().equals("D3")).findFirst().orElseThrow();
        assertThat(d3.at("/statements/0/statement/decision_ground").asText()).isEqualTo("DECISION_GROUND_ILLEGAL_CONTENT");
        assertThat(d3.at("/statements/0/puid").asText()).startsWith("vigil-");
        assertThat(run.out()).doesNotContain("\"note\"");
        assertThat(run.err()).contains("exported 8 decisions, 7 with a statement of reasons");
    }

    @Test
    void readingTheReportOrTheExportNeedsAnAdminsTokenAndIsAudited() {
        CliRun none = CliRun.of("report", "transparency", "--from", "2026-01-01", "--to", "2026-02-01", "--bootstrap-servers",
                kafka.bootstrapServers(), "--issuer", issuer.issuer());
        CliRun moderator = CliRun.of("export", "decisions", "--bootstrap-servers", kafka.bootstrapServers(), "--issuer", issuer.issuer(),
                "--token", token("mo", "moderator"));
        CliRun foreign = CliRun.of("export", "decisions", "--bootstrap-servers", kafka.bootstrapServers(), "--issuer", issuer.issuer(),
                "--token", issuer.minter().accessToken("ada", List.of("admin"), "another-api", Instant.now(), java.time.Duration.ofMinutes(5)));

        assertThat(none.exitCode()).isEqualTo(3);
        assertThat(none.err()).contains("a token is required");
        assertThat(none.out()).isEmpty();
        assertThat(moderator.exitCode()).isEqualTo(3);
        assertThat(moderator.err()).contains("do not allow this (admin)");
        assertThat(moderator.out()).isEmpty();
        assertThat(foreign.exitCode()).isEqualTo(3);
        assertThat(foreign.out()).isEmpty();

        assertThat(run("report", "transparency", "--from", "2026-01-01", "--to", "2026-02-01").exitCode()).isZero();
        List<io.vigil.schemas.AuditRecord> audit = new java.util.ArrayList<>();
        new io.vigil.compliance.reading.TopicSnapshot(Map.of("bootstrap.servers", kafka.bootstrapServers()), java.time.Duration.ofSeconds(30))
                .read(Topics.AUDIT_LOG.name(), io.vigil.schemas.AuditRecord.class, (partition, key, value) -> audit.add(value));
        assertThat(audit).anySatisfy(a -> {
            assertThat(a.getAction()).isEqualTo(io.vigil.schemas.AuditAction.COMPLIANCE_READ);
            assertThat(a.getActor()).isEqualTo("ada");
            assertThat(a.getReason()).isEqualTo("transparency report from 2026-01-01T00:00:00Z to 2026-02-01T00:00:00Z");
        });
    }

    @Test
    void theExportHasNoRowCap() {
        CliRun run = run("export", "decisions", "--format", "csv");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.outLines().get(0)).startsWith("decision_id,decided_at,platform,chat_id");
        assertThat(run.outLines()).hasSize(1 + 9 + BULK);
        assertThat(run.outLines()).filteredOn(line -> line.startsWith("bulk-")).hasSize(BULK);
        assertThat(run.err()).contains("exported " + (9 + BULK) + " decisions");
    }
}
