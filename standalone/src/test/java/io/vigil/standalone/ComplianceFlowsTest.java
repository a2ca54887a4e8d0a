package io.vigil.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.compliance.appeals.AppealItems;
import io.vigil.compliance.ncmec.CyberTiplineDouble;
import io.vigil.compliance.tdb.TransparencyDatabaseDouble;
import io.vigil.enricher.staydown.StayDownBank;
import io.vigil.schemas.AppealOutcome;
import io.vigil.schemas.AppealResult;
import io.vigil.schemas.AuditAction;
import io.vigil.schemas.AuditRecord;
import io.vigil.schemas.ContentCategory;
import io.vigil.schemas.EnforcementAction;
import io.vigil.schemas.EnforcementType;
import io.vigil.schemas.HashBankEntry;
import io.vigil.schemas.ModerationAction;
import io.vigil.schemas.ModerationDecision;
import io.vigil.schemas.NcmecReport;
import io.vigil.schemas.NcmecReportStatus;
import io.vigil.schemas.NoticeResponse;
import io.vigil.schemas.NoticeResponseKind;
import io.vigil.schemas.RiskAssessment;
import io.vigil.schemas.StatementKind;
import io.vigil.schemas.StatementOfReasons;
import io.vigil.schemas.serde.AvroSerde;
import io.vigil.schemas.topics.Topics;
import io.vigil.standalone.demo.DemoImages;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.vigil.sink.testing.Assessments.assessment;
import static io.vigil.standalone.ModerationUnderTest.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The legal flows end to end on a real broker, through the sink's and the compliance service's APIs with the demo
 * issuer's tokens: a user's notice joins an item, its decision answers the notifier and gets a statement of reasons
 * that reaches the Transparency Database (double); a trusted flagger's notice becomes a high item; the user's appeal
 * is decided by another moderator, reversed, told to the user, and its RESTORE gets the withdrawing statement; a CSAM
 * confirmation's CyberTipline report waits for a second child-safety moderator and then reaches NCMEC (double).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ComplianceFlowsTest {

    private static final String TOKEN = "X|flows-token";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dataDir;

    private TransparencyDatabaseDouble database;
    private CyberTiplineDouble ncmec;
    private ModerationUnderTest vigil;
    private String removalDecisionId;

    @BeforeAll
    void start() throws Exception {
        database = new TransparencyDatabaseDouble(TOKEN, 200);
        ncmec = new CyberTiplineDouble("vigil-flows", "flows-password");
        Files.writeString(dataDir.resolve("tdb-token"), TOKEN);
        Files.writeString(dataDir.resolve("ncmec-password"), "flows-password");
        vigil = new ModerationUnderTest(dataDir, loader -> loader
                .override("transparency-database.enabled", "true").override("transparency-database.endpoint", database.endpoint())
                .override("transparency-database.token-file", dataDir.resolve("tdb-token").toString())
                .override("transparency-database.linger-ms", "200")
                .override("ncmec.enabled", "true").override("ncmec.endpoint", ncmec.endpoint()).override("ncmec.username", "vigil-flows")
                .override("ncmec.password-file", dataDir.resolve("ncmec-password").toString()));
    }

    @AfterAll
    void stop() {
        if (vigil != null) {
            vigil.close();
        }
        database.close();
        ncmec.close();
    }

    private void assess(RiskAssessment assessment) throws Exception {
        Files.write(dataDir.resolve("blobs/demo/" + assessment.getMessageId() + ".jpg"), DemoImages.photos(1, 3).get(0).bytes());
        vigil.topics.send(Topics.RISK_ASSESSMENTS.name(), new StringSerializer(), AvroSerde.of(RiskAssessment.class), assessment.getChatId(), assessment);
    }

    private void awaitItem(String itemId) {
        String admin = vigil.token("fixture", "admin");
        await().atMost(TIMEOUT).until(() -> vigil.get(vigil.sink, "/api/cases", admin).body().contains(itemId));
    }

    private JsonNode decide(String token, String itemId, String chat, String queue, String action, int expected) throws Exception {
        HttpResponse<String> response = vigil.post(vigil.sink, "/api/items/" + itemId + "/decision", token,
                "{\"chatId\":\"" + chat + "\",\"queue\":\"" + queue + "\",\"action\":\"" + action + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
        return JSON.readTree(response.body());
    }

    @Test
    @Order(1)
    void aUsersNoticeJoinsTheItemItsDecisionAnswersTheNotifierAndItsStatementReachesTheDatabase() throws Exception {
        assess(assessment("chat-n", "m1", 0.7, ContentCategory.NCII));
        awaitItem("telegram:chat-n:m1");

        HttpResponse<String> posted = vigil.post(vigil.compliance, "/api/notices", vigil.token("platform-backend", "platform"),
                "{\"platform\":\"telegram\",\"chatId\":\"chat-n\",\"messageId\":\"m1\",\"category\":\"ncii\",\"explanation\":"
                        + "\"these are intimate photos of me, shared without my consent\",\"goodFaith\":true,\"reporterReference\":\"ticket-42\"}");
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        String noticeId = JSON.readTree(posted.body()).get("noticeId").asText();
        assertThat(JSON.readTree(posted.body()).get("receivedAt").asText()).isNotBlank();
        String moderator = vigil.token("alice", "moderator");
        await().atMost(TIMEOUT).until(() -> vigil.get(vigil.sink, "/api/cases", moderator).body().contains(noticeId));

        removalDecisionId = decide(moderator, "telegram:chat-n:m1", "chat-n", "ncii", "CONFIRMED_REMOVE", 200).get("decisionId").asText();

        List<ModerationDecision> decisions = vigil.topics.readCommitted(Topics.MODERATION_DECISIONS.name(), AvroSerde.of(ModerationDecision.class), 1, TIMEOUT);
        assertThat(decisions).singleElement().satisfies(d -> assertThat(d.getNoticeIds()).containsExactly(noticeId));
        List<StatementOfReasons> statements = vigil.topics.readCommitted(Topics.STATEMENTS_OF_REASONS.name(), AvroSerde.of(StatementOfReasons.class), 1, TIMEOUT);
        StatementOfReasons statement = statements.get(0);
        assertThat(statement.getStatement().getSourceType()).isEqualTo("SOURCE_ARTICLE_16");
        assertThat(statement.getStatement().getAutomatedDetection()).isEqualTo("Yes");
        List<NoticeResponse> answers = vigil.topics.readCommitted(Topics.NOTICE_RESPONSES.name(), AvroSerde.of(NoticeResponse.class), 2, TIMEOUT);
        assertThat(answers).extracting(NoticeResponse::getKind).containsExactly(NoticeResponseKind.RECEIVED, NoticeResponseKind.DECIDED);
        NoticeResponse decided = answers.get(1);
        assertThat(decided.getReporterReference()).isEqualTo("ticket-42");
        assertThat(decided.getOutcome()).isEqualTo("The message was removed.");
        assertThat(decided.getAutomatedDecision()).isFalse();
        assertThat(decided.getStatementPuid()).isEqualTo(statement.getPuid());
        await().atMost(TIMEOUT).until(() -> database.puids().contains(statement.getPuid()));
        assertThat(stayDownEntriesOf(removalDecisionId)).as("the confirmation's stay-down entries in the platform bank").isNotEmpty();
    }

    /** The platform bank entries the enricher wrote for a confirming decision, once they arrived. */
    private List<HashBankEntry> stayDownEntriesOf(String decisionId) {
        return await().atMost(TIMEOUT).until(() -> bankRecords().stream()
                .filter(e -> e != null && decisionId.equals(e.getMetadata().get(StayDownBank.DECISION_ID))).toList(), entries -> !entries.isEmpty());
    }

    private List<HashBankEntry> bankRecords() {
        return vigil.topics.readCommitted(Topics.HASH_BANK.name(), AvroSerde.of(HashBankEntry.class), 1, java.time.Duration.ofSeconds(3));
    }

    @Test
    @Order(2)
    void aTrustedFlaggersNoticeWithoutAnItemBecomesAHighItemAndItsStatementNamesTheTrustedFlagger() throws Exception {
        HttpResponse<String> posted = vigil.post(vigil.compliance, "/api/notices", vigil.token("hotline-eu", "trusted-flagger"),
                "{\"platform\":\"telegram\",\"chatId\":\"chat-t\",\"messageId\":\"m7\",\"category\":\"ncii\","
                        + "\"explanation\":\"intimate image of a person shared without consent\",\"goodFaith\":true}");
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        assertThat(JSON.readTree(posted.body()).get("reporterType").asText()).isEqualTo("TRUSTED_FLAGGER");
        awaitItem("telegram:chat-t:m7");
        JsonNode cases = JSON.readTree(vigil.get(vigil.sink, "/api/cases", vigil.token("alice", "moderator")).body());
        assertThat(cases.toString()).contains("Notice from a trusted flagger (ncii)");

        decide(vigil.token("alice", "moderator"), "telegram:chat-t:m7", "chat-t", "ncii", "CONFIRMED_REMOVE", 200);

        List<EnforcementAction> actions = vigil.topics.readCommitted(Topics.ENFORCEMENT_ACTIONS.name(), AvroSerde.of(EnforcementAction.class), 2, TIMEOUT);
        assertThat(actions).as("enforcement").anySatisfy(a -> assertThat(a.getChatId()).isEqualTo("chat-t"));
        assertThat(vigil.topics.readCommitted(Topics.STATEMENTS_OF_REASONS.name(),
                AvroSerde.of(StatementOfReasons.class), 2, TIMEOUT)).as(() -> "dead letters: " + vigil.topics.readCommitted(Topics.DEAD_LETTERS.name(),
                AvroSerde.of(io.vigil.schemas.DeadLetter.class), 1, java.time.Duration.ofSeconds(5))).anySatisfy(s -> {
                    assertThat(s.getChatId()).isEqualTo("chat-t");
                    assertThat(s.getStatement().getSourceType()).isEqualTo("SOURCE_TRUSTED_FLAGGER");
                    assertThat(s.getStatement().getAutomatedDetection()).isEqualTo("No");
                });
    }

    @Test
    @Order(3)
    void anAppealIsDecidedByAnotherModeratorReversedToldToTheUserAndItsRestoreWithdrawsTheStatement() throws Exception {
        HttpResponse<String> posted = vigil.post(vigil.compliance, "/api/appeals", vigil.token("platform-backend", "platform"),
                "{\"decisionId\":\"" + removalDecisionId + "\",\"platform\":\"telegram\",\"chatId\":\"chat-n\",\"messageId\":\"m1\","
                        + "\"appellantId\":\"user-77\",\"explanation\":\"I posted this photo of myself\"}");
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
        String appealItem = AppealItems.itemId("telegram:chat-n:m1", JSON.readTree(posted.body()).get("appealId").asText());
        awaitItem(appealItem);

        decide(vigil.token("alice", "moderator"), appealItem, "chat-n", "appeals", "REVERSED", 403);
        decide(vigil.token("bob", "moderator"), appealItem, "chat-n", "appeals", "REVERSED", 200);

        List<AppealOutcome> outcomes = vigil.topics.readCommitted(Topics.APPEAL_OUTCOMES.name(), AvroSerde.of(AppealOutcome.class), 1, TIMEOUT);
        AppealOutcome outcome = outcomes.get(0);
        assertThat(outcome.getOutcome()).isEqualTo(AppealResult.REVERSED);
        assertThat(outcome.getDecidedBy()).isEqualTo("bob");
        assertThat(outcome.getAppellantId()).isEqualTo("user-77");
        List<EnforcementAction> actions = vigil.topics.readCommitted(Topics.ENFORCEMENT_ACTIONS.name(), AvroSerde.of(EnforcementAction.class), 3, TIMEOUT);
        assertThat(actions).filteredOn(a -> a.getType() == EnforcementType.RESTORE).singleElement()
                .satisfies(a -> assertThat(a.getMessageId()).isEqualTo("m1"));
        List<ModerationDecision> decisions = vigil.topics.readCommitted(Topics.MODERATION_DECISIONS.name(), AvroSerde.of(ModerationDecision.class), 3, TIMEOUT);
        assertThat(decisions).filteredOn(d -> d.getAction() == ModerationAction.REVERSED).singleElement()
                .satisfies(d -> assertThat(d.getSupersedesDecisionId()).isEqualTo(removalDecisionId));
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(vigil.topics.readCommitted(Topics.STATEMENTS_OF_REASONS.name(),
                AvroSerde.of(StatementOfReasons.class), 3, TIMEOUT)).anySatisfy(s -> {
                    assertThat(s.getKind()).isEqualTo(StatementKind.REVERSAL);
                    assertThat(s.getPuid()).isEqualTo(outcome.getStatementPuid());
                    assertThat(s.getSubmit()).isFalse();
                }));
        // The reversal withdraws the contested decision's stay-down entries: a tombstone for each, after them.
        int entries = stayDownEntriesOf(removalDecisionId).size();
        await().atMost(TIMEOUT).untilAsserted(() -> {
            List<HashBankEntry> bank = bankRecords();
            int lastEntry = bank.lastIndexOf(bank.stream().filter(e -> e != null
                    && removalDecisionId.equals(e.getMetadata().get(StayDownBank.DECISION_ID))).reduce((a, b) -> b).orElseThrow());
            assertThat(bank.subList(lastEntry + 1, bank.size())).as("tombstones after the entries").containsOnlyNulls().hasSize(entries);
        });
    }

    @Test
    @Order(4)
    void aCsamConfirmationsReportWaitsForASecondChildSafetyModeratorThenReachesNcmec() throws Exception {
        assess(assessment("chat-c", "m3", 0.9, ContentCategory.CSAM));
        awaitItem("telegram:chat-c:m3");
        String carol = vigil.token("carol", "child-safety");
        decide(carol, "telegram:chat-c:m3", "chat-c", "csam", "CONFIRMED_REMOVE", 200);

        await().atMost(TIMEOUT).until(() -> JSON.readTree(vigil.get(vigil.compliance, "/api/cybertipline-reports", carol).body())
                .get("reports").size() == 1);
        JsonNode report = JSON.readTree(vigil.get(vigil.compliance, "/api/cybertipline-reports", carol).body()).get("reports").get(0);
        assertThat(report.get("yours").asBoolean()).isTrue();
        assertThat(report.get("reportXml").asText()).contains("<chatRoomName>synthetic group</chatRoomName>", "<espIdentifier>sender-1</espIdentifier>");
        String review = "/api/cybertipline-reports/" + report.get("reportId").asText() + "/review";
        assertThat(vigil.post(vigil.compliance, review, carol, "{\"chatId\":\"chat-c\",\"confirmed\":true}").statusCode())
                .as("the content's own moderator").isEqualTo(403);
        assertThat(ncmec.calls()).isEmpty();

        HttpResponse<String> confirmed = vigil.post(vigil.compliance, review, vigil.token("dave", "child-safety"),
                "{\"chatId\":\"chat-c\",\"confirmed\":true,\"note\":\"checked the hashes and the report\"}");
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(202);

        await().atMost(TIMEOUT).until(() -> ncmec.reports().values().stream().anyMatch(r -> r.finished));
        assertThat(ncmec.calls()).containsExactly("submit", "upload", "fileinfo", "finish");
        assertThat(ncmec.reports().values().iterator().next().fileDetails.values()).singleElement().asString()
                .contains("<fileViewedByEsp>false</fileViewedByEsp>");
        List<NcmecReport> states = vigil.topics.readCommitted(Topics.NCMEC_REPORTS.name(), AvroSerde.of(NcmecReport.class), 6, TIMEOUT);
        assertThat(states.get(states.size() - 1).getStatus()).isEqualTo(NcmecReportStatus.SUBMITTED);
        assertThat(states.get(states.size() - 1).getConfirmedBy()).isEqualTo("dave");
        List<AuditRecord> audit = vigil.topics.readCommitted(Topics.AUDIT_LOG.name(), AvroSerde.of(AuditRecord.class), 1, TIMEOUT);
        assertThat(audit).anySatisfy(a -> {
            assertThat(a.getAction()).isEqualTo(AuditAction.CYBERTIPLINE_REVIEW);
            assertThat(a.getActor()).isEqualTo("dave");
        });
    }
}
