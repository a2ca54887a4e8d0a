package io.vigil.standalone;

import io.vigil.compliance.ComplianceApp;
import io.vigil.compliance.ComplianceConfig;
import io.vigil.compliance.Fixtures;
import io.vigil.compliance.ncmec.CyberTiplineDouble;
import io.vigil.compliance.statements.StatementJson;
import io.vigil.compliance.statements.StatementValidator;
import io.vigil.compliance.tdb.TransparencyDatabaseDouble;
import io.vigil.runtime.config.ConfigLoader;
import io.vigil.runtime.streams.ServiceRunner;
import io.vigil.runtime.streams.TopicCreator;
import io.vigil.schemas.ContentCategory;
import io.vigil.schemas.DeadLetter;
import io.vigil.schemas.EnforcementAction;
import io.vigil.schemas.EnforcementType;
import io.vigil.schemas.MediaRef;
import io.vigil.schemas.ModerationAction;
import io.vigil.schemas.ModerationDecision;
import io.vigil.schemas.NcmecConfirmation;
import io.vigil.schemas.NcmecReport;
import io.vigil.schemas.NcmecReportStatus;
import io.vigil.schemas.QueueItem;
import io.vigil.schemas.StatementOfReasons;
import io.vigil.schemas.serde.AvroSerde;
import io.vigil.schemas.topics.Topics;
import io.vigil.standalone.demo.DemoImages;
import io.vigil.standalone.embedded.EmbeddedKafka;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The compliance service against a real broker, with local doubles of the EU Transparency Database and NCMEC (the
 * external services Vigil does not run): every enforcement action becomes a statement of reasons that reaches the
 * database once, in batches, a statement the database refuses becomes a dead letter with its reason, a CSAM
 * confirmation becomes a CyberTipline report that is submitted only after a second person confirms it, and a restart
 * or a replay submits nothing twice.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ComplianceEndToEndTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(180);
    private static final String TOKEN = "X|e2e-token";
    private static final int ACTIONS = 120;
    private static final byte[] MEDIA = DemoImages.photos(1, 11).get(0).bytes();

    @TempDir
    static Path dataDir;

    private EmbeddedKafka kafka;
    private KafkaTopics topics;
    private TransparencyDatabaseDouble database;
    private CyberTiplineDouble ncmec;
    private ServiceRunner<ComplianceConfig> compliance;

    @BeforeAll
    void start() throws Exception {
        kafka = EmbeddedKafka.start(dataDir, 0);
        topics = new KafkaTopics(kafka.bootstrapServers());
        database = new TransparencyDatabaseDouble(TOKEN, 200);
        ncmec = new CyberTiplineDouble("vigil-e2e", "e2e-password");
        Files.writeString(dataDir.resolve("tdb-token"), TOKEN + "\n");
        Files.writeString(dataDir.resolve("ncmec-password"), "e2e-password\n");
        Files.createDirectories(dataDir.resolve("blobs/2026"));
        Files.write(dataDir.resolve("blobs/2026/csam-1.jpg"), MEDIA);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            TopicCreator.ensure(admin, List.of(Topics.queue("ncii"), Topics.queue("urgent")), 2, (short) 1);
        }
        compliance = startCompliance();
        produceTraffic();
    }

    private ServiceRunner<ComplianceConfig> startCompliance() {
        ComplianceConfig config = ConfigLoader.forService("compliance").environment(Map.of())
                .override("kafka.bootstrap-servers", kafka.bootstrapServers())
                .override("kafka.state-dir", dataDir.resolve("state").toString())
                .override("kafka.chat-partitions", "2").override("kafka.replication-factor", "1").override("kafka.create-topics", "true")
                .override("http.host", "127.0.0.1").override("http.port", "0")
                .override("auth.oidc.issuer", "http://127.0.0.1:1/no-callers-in-this-test")
                .override("auth.peer-secret", "compliance-e2e-peer-secret-0123456789")
                .override("transparency-database.enabled", "true").override("transparency-database.endpoint", database.endpoint())
                .override("transparency-database.token-file", dataDir.resolve("tdb-token").toString())
                .override("transparency-database.linger-ms", "500")
                .override("ncmec.enabled", "true").override("ncmec.endpoint", ncmec.endpoint()).override("ncmec.username", "vigil-e2e")
                .override("ncmec.password-file", dataDir.resolve("ncmec-password").toString())
                .override("media.blob-root", dataDir.resolve("blobs").toString())
                .load(ComplianceConfig.class);
        ServiceRunner<ComplianceConfig> runner = ServiceRunner.start(new ComplianceApp(), config);
        await().atMost(TIMEOUT).until(() -> runner.streams().state() == KafkaStreams.State.RUNNING);
        return runner;
    }

    private void produceTraffic() {
        StringSerializer keys = new StringSerializer();
        for (int i = 0; i < ACTIONS; i++) {
            String chat = "chat-" + (i % 7);
            topics.send(Topics.queue("ncii").name(), keys, AvroSerde.of(QueueItem.class), chat, Fixtures.photoItem(chat, "m" + i));
        }
        topics.send(Topics.ENFORCEMENT_ACTIONS.name(), keys, AvroSerde.of(EnforcementAction.class), "chat-0",
                Fixtures.action("chat-0", "m-dismissed", EnforcementType.NO_ACTION, ContentCategory.NCII));
        sendActions();

        // A statement another producer wrote with a category the database dropped on 1 July 2025.
        StatementOfReasons stale = new io.vigil.compliance.statements.StatementDrafter(Fixtures.policy())
                .restriction(new io.vigil.compliance.statements.ActionContext(
                        Fixtures.action("chat-9", "old-1", EnforcementType.REMOVE_MESSAGE, ContentCategory.NCII),
                        java.util.Optional.empty(), java.util.Set.of())).orElseThrow();
        stale.getStatement().setCategory("STATEMENT_CATEGORY_PORNOGRAPHY_OR_SEXUALIZED_CONTENT");
        topics.send(Topics.STATEMENTS_OF_REASONS.name(), keys, AvroSerde.of(StatementOfReasons.class), "chat-9", stale);

        QueueItem csamItem = Fixtures.photoItem("chat-cs", "c1");
        csamItem.setQueue("urgent");
        MediaRef media = csamItem.getMedia().get(0);
        media.setBlobUri("file:///2026/csam-1.jpg");
        topics.send(Topics.queue("urgent").name(), keys, AvroSerde.of(QueueItem.class), "chat-cs", csamItem);
        topics.send(Topics.MODERATION_DECISIONS.name(), keys, AvroSerde.of(ModerationDecision.class), "chat-cs",
                Fixtures.decision("chat-cs", "c1", ModerationAction.CONFIRMED_REMOVE_AND_BAN, ContentCategory.CSAM, "child-safety-1"));
    }

    private void sendActions() {
        for (int i = 0; i < ACTIONS; i++) {
            String chat = "chat-" + (i % 7);
            topics.send(Topics.ENFORCEMENT_ACTIONS.name(), new StringSerializer(), AvroSerde.of(EnforcementAction.class), chat,
                    Fixtures.action(chat, "m" + i, EnforcementType.REMOVE_MESSAGE, ContentCategory.NCII));
        }
    }

    @AfterAll
    void stop() {
        if (compliance != null) {
            compliance.close();
        }
        if (database != null) {
            database.close();
        }
        if (ncmec != null) {
            ncmec.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    @Order(1)
    void everyRestrictingActionHasAValidStatementOfReasonsOnItsTopic() {
        List<StatementOfReasons> statements = topics.readCommitted(Topics.STATEMENTS_OF_REASONS.name(),
                AvroSerde.of(StatementOfReasons.class), ACTIONS + 1, TIMEOUT);
        List<StatementOfReasons> drafted = statements.stream().filter(s -> !s.getChatId().equals("chat-9")).toList();

        assertThat(drafted).hasSize(ACTIONS);
        assertThat(drafted).extracting(StatementOfReasons::getPuid).doesNotHaveDuplicates();
        StatementValidator validator = new StatementValidator();
        assertThat(drafted).allSatisfy(s -> {
            assertThat(validator.validate(StatementJson.toJson(s.getStatement()))).isEmpty();
            assertThat(s.getStatement().getContentType()).containsExactly("CONTENT_TYPE_IMAGE");
        });
    }

    @Test
    @Order(2)
    void theDatabaseGetsEachStatementOnceInBatchesOfAtMostAHundred() {
        await().atMost(TIMEOUT).until(() -> database.puids().size() >= ACTIONS);

        assertThat(database.puids()).hasSize(ACTIONS);
        assertThat(database.batchSizes()).allSatisfy(size -> assertThat(size).isBetween(1, 100));
        assertThat(database.batchSizes().stream().mapToInt(Integer::intValue).sum()).as("statements sent, the refused one included")
                .isGreaterThanOrEqualTo(ACTIONS);
    }

    @Test
    @Order(3)
    void aStatementTheDatabaseRefusesIsADeadLetterWithTheDatabasesReason() {
        List<DeadLetter> letters = topics.readCommitted(Topics.DEAD_LETTERS.name(), AvroSerde.of(DeadLetter.class), 1, TIMEOUT);

        assertThat(letters).singleElement().satisfies(letter -> {
            assertThat(letter.getApplication()).isEqualTo("vigil-compliance");
            assertThat(letter.getSourceTopic()).isEqualTo(Topics.STATEMENTS_OF_REASONS.name());
            assertThat(letter.getStage()).isEqualTo("delivery");
            assertThat(letter.getReason()).startsWith("tdb_rejected: the Transparency Database refused statement vigil-")
                    .endsWith("category: The selected category is invalid.");
            assertThat(letter.getOriginalValue()).isNotNull();
        });
        assertThat(compliance.registry().find("vigil.dead.letters").tag("stage", "delivery").tag("reason", "tdb_rejected")
                .counter().count()).isEqualTo(1.0);
    }

    @Test
    @Order(4)
    void aCsamReportIsSubmittedToNcmecOnlyAfterASecondPersonConfirmsIt() throws Exception {
        List<NcmecReport> drafted = topics.readCommitted(Topics.NCMEC_REPORTS.name(), AvroSerde.of(NcmecReport.class), 1, TIMEOUT);
        assertThat(drafted).singleElement().satisfies(r -> assertThat(r.getStatus()).isEqualTo(NcmecReportStatus.AWAITING_CONFIRMATION));
        assertThat(ncmec.calls()).as("nothing goes to NCMEC before the second person").isEmpty();

        topics.send(Topics.NCMEC_CONFIRMATIONS.name(), new StringSerializer(), AvroSerde.of(NcmecConfirmation.class), "chat-cs",
                NcmecConfirmation.newBuilder().setReportId(drafted.get(0).getReportId()).setChatId("chat-cs")
                        .setReviewerId("child-safety-2").setConfirmed(true).setAt(Instant.now()).build());

        await().atMost(TIMEOUT).until(() -> ncmec.reports().values().stream().anyMatch(r -> r.finished));
        List<NcmecReport> states = topics.readCommitted(Topics.NCMEC_REPORTS.name(), AvroSerde.of(NcmecReport.class), 6, TIMEOUT);
        assertThat(states).extracting(NcmecReport::getStatus).containsExactly(NcmecReportStatus.AWAITING_CONFIRMATION,
                NcmecReportStatus.CONFIRMED, NcmecReportStatus.SUBMITTING, NcmecReportStatus.SUBMITTING, NcmecReportStatus.SUBMITTING,
                NcmecReportStatus.SUBMITTED);
        NcmecReport submitted = states.get(states.size() - 1);
        assertThat(submitted.getConfirmedBy()).isEqualTo("child-safety-2");
        assertThat(submitted.getPreservation().getPreserve()).isTrue();
        CyberTiplineDouble.Report held = ncmec.reports().get(submitted.getNcmecReportId());
        assertThat(held.files.values()).singleElement().isEqualTo(MEDIA);
        assertThat(held.xml).contains("<chatRoomName>synthetic group chat-cs</chatRoomName>", "members: 41,000");
        assertThat(ncmec.calls()).containsExactly("submit", "upload", "fileinfo", "finish");
    }

    @Test
    @Order(5)
    void aRestartAndAReplayOfEveryActionSubmitNothingTwice() throws Exception {
        compliance.close();
        compliance = startCompliance();
        sendActions();

        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(compliance.registry().find("vigil.tdb.statements")
                .tag("outcome", "already_present").counter()).isNotNull()
                .satisfies(c -> assertThat(c.count()).isEqualTo(ACTIONS)));
        assertThat(database.puids()).hasSize(ACTIONS);
        assertThat(ncmec.reports()).hasSize(1);
        assertThat(ncmec.calls()).hasSize(4);
        List<StatementOfReasons> statements = topics.readCommitted(Topics.STATEMENTS_OF_REASONS.name(),
                AvroSerde.of(StatementOfReasons.class), 2 * ACTIONS + 1, TIMEOUT);
        assertThat(new ArrayList<>(statements.stream().map(StatementOfReasons::getPuid).distinct().toList())).hasSize(ACTIONS + 1);
    }
}
