package io.vigil.compliance;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vigil.runtime.testing.StreamsTestSupport;
import io.vigil.compliance.appeals.AppealItems;
import io.vigil.compliance.statements.Puid;
import io.vigil.schemas.Appeal;
import io.vigil.schemas.AppealOutcome;
import io.vigil.schemas.AppealResult;
import io.vigil.schemas.ContentCategory;
import io.vigil.schemas.DeadLetter;
import io.vigil.schemas.EnforcementAction;
import io.vigil.schemas.EnforcementType;
import io.vigil.schemas.ModerationAction;
import io.vigil.schemas.ModerationDecision;
import io.vigil.schemas.NcmecConfirmation;
import io.vigil.schemas.NcmecReport;
import io.vigil.schemas.NcmecReportStatus;
import io.vigil.schemas.Notice;
import io.vigil.schemas.NoticeReporterType;
import io.vigil.schemas.NoticeResponse;
import io.vigil.schemas.NoticeResponseKind;
import io.vigil.schemas.QueueItem;
import io.vigil.schemas.StatementKind;
import io.vigil.schemas.StatementOfReasons;
import io.vigil.schemas.serde.AvroSerde;
import io.vigil.schemas.topics.Topics;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static io.vigil.compliance.Fixtures.action;
import static io.vigil.compliance.Fixtures.decision;
import static io.vigil.compliance.Fixtures.photoItem;
import static org.assertj.core.api.Assertions.assertThat;

class ComplianceTopologyTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private TopologyTestDriver driver;
    private TestInputTopic<String, QueueItem> queue;
    private TestInputTopic<String, Notice> notices;
    private TestInputTopic<String, ModerationDecision> decisions;
    private TestInputTopic<String, EnforcementAction> actions;
    private TestInputTopic<String, NcmecConfirmation> confirmations;
    private TestOutputTopic<String, StatementOfReasons> statements;
    private TestOutputTopic<String, NcmecReport> reports;
    private TestOutputTopic<String, NoticeResponse> answers;
    private TestInputTopic<String, Appeal> appeals;
    private TestOutputTopic<String, QueueItem> appealQueue;
    private TestOutputTopic<String, AppealOutcome> appealOutcomes;
    private TestOutputTopic<byte[], DeadLetter> deadLetters;

    @BeforeEach
    void start() {
        ComplianceConfig config = Fixtures.defaults();
        driver = StreamsTestSupport.driver(new ComplianceApp().topology(config, registry), "compliance-test", registry);
        StringSerializer keys = new StringSerializer();
        queue = driver.createInputTopic(Topics.queue("ncii").name(), keys, AvroSerde.of(QueueItem.class));
        notices = driver.createInputTopic(Topics.NOTICES.name(), keys, AvroSerde.of(Notice.class));
        decisions = driver.createInputTopic(Topics.MODERATION_DECISIONS.name(), keys, AvroSerde.of(ModerationDecision.class));
        actions = driver.createInputTopic(Topics.ENFORCEMENT_ACTIONS.name(), keys, AvroSerde.of(EnforcementAction.class));
        confirmations = driver.createInputTopic(Topics.NCMEC_CONFIRMATIONS.name(), keys, AvroSerde.of(NcmecConfirmation.class));
        statements = driver.createOutputTopic(Topics.STATEMENTS_OF_REASONS.name(), new StringDeserializer(), AvroSerde.of(StatementOfReasons.class));
        reports = driver.createOutputTopic(Topics.NCMEC_REPORTS.name(), new StringDeserializer(), AvroSerde.of(NcmecReport.class));
        appeals = driver.createInputTopic(Topics.APPEALS.name(), keys, AvroSerde.of(Appeal.class));
        appealQueue = driver.createOutputTopic(Topics.queue("appeals").name(), new StringDeserializer(), AvroSerde.of(QueueItem.class));
        appealOutcomes = driver.createOutputTopic(Topics.APPEAL_OUTCOMES.name(), new StringDeserializer(), AvroSerde.of(AppealOutcome.class));
        answers = driver.createOutputTopic(Topics.NOTICE_RESPONSES.name(), new StringDeserializer(), AvroSerde.of(NoticeResponse.class));
        deadLetters = StreamsTestSupport.deadLetters(driver);
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void everyRestrictingActionGetsAStatementFromWhatItsQueueItemSaysOfTheContent() {
        queue.pipeInput("chat-1", photoItem("chat-1", "m1"));
        actions.pipeInput("chat-1", action("chat-1", "m1", EnforcementType.REMOVE_MESSAGE, ContentCategory.NCII));

        var record = statements.readRecord();
        assertThat(record.key()).isEqualTo("chat-1");
        assertThat(record.value().getKind()).isEqualTo(StatementKind.RESTRICTION);
        assertThat(record.value().getStatement().getContentType()).containsExactly("CONTENT_TYPE_IMAGE");
        assertThat(record.value().getStatement().getContentDate()).isEqualTo("2026-03-02");
        assertThat(record.value().getItemId()).isEqualTo("telegram:chat-1:m1");
        assertThat(registry.counter("vigil.statements.without.item").count()).isZero();
    }

    @Test
    void aTrustedFlaggersNoticeMakesItTheStatementsSource() {
        notices.pipeInput("chat-1", Notice.newBuilder().setNoticeId("notice-7").setReceivedAt(Fixtures.SENT.plusSeconds(60))
                .setReporterType(NoticeReporterType.TRUSTED_FLAGGER).setSubmittedBy("flagger-org").setPlatform("telegram")
                .setChatId("chat-1").setMessageId("m1").setExplanation("intimate image shared without consent").setGoodFaith(true).build());
        EnforcementAction answered = action("chat-1", "m1", EnforcementType.REMOVE_MESSAGE, ContentCategory.NCII);
        answered.setNoticeIds(List.of("notice-7"));
        actions.pipeInput("chat-1", answered);

        StatementOfReasons statement = statements.readValue();
        assertThat(statement.getStatement().getSourceType()).isEqualTo("SOURCE_TRUSTED_FLAGGER");
        assertThat(statement.getNoticeIds()).containsExactly("notice-7");
        assertThat(statement.getStatement().getSourceIdentity()).as("no notifier identity in a public database").isNull();
    }

    @Test
    void theNotifierIsToldTheDecisionWhetherItWasAutomatedItsStatementAndTheirRedress() {
        notices.pipeInput("chat-1", Notice.newBuilder().setNoticeId("notice-8").setReceivedAt(Fixtures.SENT.plusSeconds(60))
                .setReporterType(NoticeReporterType.USER).setSubmittedBy("platform-backend").setReporterReference("ticket-123")
                .setPlatform("telegram").setChatId("chat-1").setMessageId("m1").setExplanation("my photo, shared without consent")
                .setGoodFaith(true).build());
        EnforcementAction answered = action("chat-1", "m1", EnforcementType.REMOVE_MESSAGE, ContentCategory.NCII);
        answered.setNoticeIds(List.of("notice-8", "notice-unknown"));
        actions.pipeInput("chat-1", answered);

        NoticeResponse answer = answers.readValue();
        assertThat(answer.getKind()).isEqualTo(NoticeResponseKind.DECIDED);
        assertThat(answer.getNoticeId()).isEqualTo("notice-8");
        assertThat(answer.getSubmittedBy()).isEqualTo("platform-backend");
        assertThat(answer.getReporterReference()).isEqualTo("ticket-123");
        assertThat(answer.getOutcome()).isEqualTo("The message was removed.");
        assertThat(answer.getAutomatedDetection()).isTrue();
        assertThat(answer.getAutomatedDecision()).isFalse();
        assertThat(answer.getStatementPuid()).isEqualTo(statements.readValue().getPuid());
        assertThat(answer.getRedress()).contains("out-of-court dispute settlement");
        assertThat(answers.isEmpty()).as("the unknown notice cannot be answered").isTrue();
        assertThat(registry.counter("vigil.notice.answers.unaddressable").count()).isEqualTo(1.0);
    }

    @Test
    void aNoticeThatLedToNoActionIsAnsweredWithoutAStatement() {
        notices.pipeInput("chat-1", Notice.newBuilder().setNoticeId("notice-9").setReceivedAt(Fixtures.SENT)
                .setReporterType(NoticeReporterType.TRUSTED_FLAGGER).setSubmittedBy("flagger-org").setPlatform("telegram")
                .setChatId("chat-1").setMessageId("m1").setExplanation("x").setGoodFaith(true).build());
        EnforcementAction dismissed = action("chat-1", "m1", EnforcementType.NO_ACTION, null);
        dismissed.setNoticeIds(List.of("notice-9"));
        actions.pipeInput("chat-1", dismissed);

        NoticeResponse answer = answers.readValue();
        assertThat(answer.getOutcome()).isEqualTo("The platform reviewed the message and took no action against it.");
        assertThat(answer.getStatementPuid()).isNull();
    }

    @Test
    void anActionThatRestrictsNothingHasNoStatementAndIsCounted() {
        actions.pipeInput("chat-1", action("chat-1", "m1", EnforcementType.NO_ACTION, ContentCategory.NCII));

        assertThat(statements.isEmpty()).isTrue();
        assertThat(deadLetters.isEmpty()).isTrue();
        assertThat(registry.counter("vigil.statements.skipped", "reason", "no_restriction").count()).isEqualTo(1.0);
    }

    @Test
    void anActionOfAnUnknownTypeIsADeadLetterWithTheReason() {
        actions.pipeInput("chat-1", action("chat-1", "m1", EnforcementType.UNKNOWN, ContentCategory.NCII));

        assertThat(statements.isEmpty()).isTrue();
        assertThat(deadLetters.readValue().getReason()).startsWith("unknown_enforcement_type: ");
    }

    @Test
    void aReversalAfterAnAppealWithdrawsTheReversedDecisionsStatement() {
        queue.pipeInput("chat-1", photoItem("chat-1", "m1"));
        actions.pipeInput("chat-1", action("chat-1", "m1", EnforcementType.REMOVE_MESSAGE, ContentCategory.NCII));
        StatementOfReasons original = statements.readValue();
        ModerationDecision reversal = decision("chat-1", "m1", ModerationAction.REVERSED, ContentCategory.NCII, "senior-2");
        reversal.setDecisionId("reversal-1");
        reversal.setSupersedesDecisionId(original.getDecisionId());
        decisions.pipeInput("chat-1", reversal);
        EnforcementAction restore = action("chat-1", "m1", EnforcementType.RESTORE, ContentCategory.NCII);
        restore.setDecisionId("reversal-1");
        restore.setActionId("reversal-1:RESTORE");
        actions.pipeInput("chat-1", restore);

        StatementOfReasons withdrawal = statements.readValue();
        assertThat(withdrawal.getKind()).isEqualTo(StatementKind.REVERSAL);
        assertThat(withdrawal.getSupersedesPuid()).isEqualTo(original.getPuid());
        assertThat(withdrawal.getSubmit()).isFalse();
    }

    @Test
    void aRestoreWithoutAKnownReversalIsADeadLetterNotASilentGap() {
        EnforcementAction restore = action("chat-1", "m1", EnforcementType.RESTORE, ContentCategory.NCII);
        actions.pipeInput("chat-1", restore);

        assertThat(deadLetters.readValue().getReason()).startsWith("reversal_unknown: ");
    }

    @Test
    void aChildSafetyConfirmationDraftsAReportThatWaitsForASecondPerson() {
        queue.pipeInput("chat-1", photoItem("chat-1", "m1"));
        decisions.pipeInput("chat-1", decision("chat-1", "m1", ModerationAction.CONFIRMED_REMOVE, ContentCategory.CSAM, "child-safety-1"));
        decisions.pipeInput("chat-1", decision("chat-1", "m2", ModerationAction.CONFIRMED_REMOVE, ContentCategory.NCII, "child-safety-1"));
        decisions.pipeInput("chat-1", decision("chat-1", "m3", ModerationAction.DISMISSED_FALSE_POSITIVE, ContentCategory.CSAM, "child-safety-1"));

        List<NcmecReport> drafted = reports.readValuesToList();
        assertThat(drafted).singleElement().satisfies(report -> {
            assertThat(report.getStatus()).isEqualTo(NcmecReportStatus.AWAITING_CONFIRMATION);
            assertThat(report.getReportXml()).contains("<chatRoomName>synthetic group chat-1</chatRoomName>");
            assertThat(report.getFiles()).extracting(f -> f.getSha256()).containsExactly(Fixtures.SHA256);
        });
    }

    @Test
    void theSecondPersonMustBeSomebodyElseAndReviewsOnce() {
        decisions.pipeInput("chat-1", decision("chat-1", "m1", ModerationAction.CONFIRMED_REMOVE_AND_BAN, ContentCategory.CSAM, "child-safety-1"));
        String reportId = reports.readValue().getReportId();

        confirmations.pipeInput("chat-1", confirmation(reportId, "child-safety-1", true));
        assertThat(reports.isEmpty()).isTrue();
        assertThat(deadLetters.readValue().getReason()).startsWith("ncmec_same_person: ");

        confirmations.pipeInput("chat-1", confirmation(reportId, "child-safety-2", true));
        NcmecReport confirmed = reports.readValue();
        assertThat(confirmed.getStatus()).isEqualTo(NcmecReportStatus.CONFIRMED);
        assertThat(confirmed.getConfirmedBy()).isEqualTo("child-safety-2");
        assertThat(confirmed.getDecidedBy()).isEqualTo("child-safety-1");

        confirmations.pipeInput("chat-1", confirmation(reportId, "child-safety-3", false));
        assertThat(reports.isEmpty()).isTrue();
        assertThat(deadLetters.readValue().getReason()).startsWith("ncmec_report_already_reviewed: ");

        confirmations.pipeInput("chat-1", confirmation("ncmec-unknown", "child-safety-3", true));
        assertThat(deadLetters.readValue().getReason()).startsWith("ncmec_report_unknown: ");
    }

    @Test
    void aReviewerCanRejectADraft() {
        decisions.pipeInput("chat-1", decision("chat-1", "m1", ModerationAction.CONFIRMED_REMOVE, ContentCategory.CSAM, "child-safety-1"));
        String reportId = reports.readValue().getReportId();

        confirmations.pipeInput("chat-1", confirmation(reportId, "child-safety-2", false));

        assertThat(reports.readValue().getStatus()).isEqualTo(NcmecReportStatus.REJECTED);
    }

    private static NcmecConfirmation confirmation(String reportId, String reviewer, boolean confirmed) {
        return NcmecConfirmation.newBuilder().setReportId(reportId).setChatId("chat-1").setReviewerId(reviewer)
                .setConfirmed(confirmed).setAt(Instant.parse("2026-03-03T10:00:00Z")).build();
    }

    private ModerationDecision decidedRemoval() {
        queue.pipeInput("chat-1", photoItem("chat-1", "m1"));
        ModerationDecision removal = decision("chat-1", "m1", ModerationAction.CONFIRMED_REMOVE, ContentCategory.NCII, "moderator-a");
        decisions.pipeInput("chat-1", removal);
        actions.pipeInput("chat-1", action("chat-1", "m1", EnforcementType.REMOVE_MESSAGE, ContentCategory.NCII));
        statements.readValue();
        return removal;
    }

    private static Appeal appeal(String decisionId) {
        return Appeal.newBuilder().setAppealId("appeal-1").setReceivedAt(Instant.parse("2026-03-10T09:00:00Z")).setSubmittedBy("platform-backend")
                .setAppellantId("user-77").setDecisionId(decisionId).setItemId("telegram:chat-1:m1").setPlatform("telegram")
                .setChatId("chat-1").setMessageId("m1").setExplanation("I posted a photo of myself.").build();
    }

    @Test
    void anAppealGoesToTheAppealsQueueOnTheContestedContentNamingWhoDecided() {
        ModerationDecision removal = decidedRemoval();

        appeals.pipeInput("chat-1", appeal(removal.getDecisionId()));

        var record = appealQueue.readRecord();
        QueueItem item = record.value();
        assertThat(record.key()).isEqualTo("chat-1");
        assertThat(item.getItemId()).isEqualTo(AppealItems.itemId("telegram:chat-1:m1", "appeal-1")).startsWith("telegram:chat-1:m1.appeal-");
        assertThat(item.getQueue()).isEqualTo("appeals");
        assertThat(item.getMessageId()).as("a reversal restores the contested message").isEqualTo("m1");
        assertThat(item.getAppeal().getOriginalModeratorId()).isEqualTo("moderator-a");
        assertThat(item.getAppeal().getOriginalAction()).isEqualTo(ModerationAction.CONFIRMED_REMOVE);
        assertThat(item.getMedia()).extracting(m -> m.getBlobUri()).containsExactly("file:///2026/m1.jpg");
        assertThat(item.getReasons().get(0).getCode()).isEqualTo("appeal");
        assertThat(item.getReasons().get(0).getDescription()).contains("confirmed remove", "The user says: I posted a photo of myself.");
    }

    @Test
    void anAppealAgainstADecisionNobodyKnowsIsADeadLetter() {
        appeals.pipeInput("chat-1", appeal("decision-nobody-took"));

        assertThat(appealQueue.isEmpty()).isTrue();
        assertThat(deadLetters.readValue().getReason()).startsWith("appeal_decision_unknown: ");
    }

    @Test
    void aReversalByAnotherModeratorIsTheAppealsOutcomeAndItsRestoreGetsTheStatementTheUserIsTold() {
        ModerationDecision removal = decidedRemoval();
        appeals.pipeInput("chat-1", appeal(removal.getDecisionId()));
        QueueItem item = appealQueue.readValue();
        ModerationDecision reversal = decision("chat-1", "m1", ModerationAction.REVERSED, ContentCategory.NCII, "senior-b");
        reversal.setItemId(item.getItemId());
        reversal.setDecisionId("decision-reversal-1");
        reversal.setSupersedesDecisionId(removal.getDecisionId());
        decisions.pipeInput("chat-1", reversal);
        EnforcementAction restore = action("chat-1", "m1", EnforcementType.RESTORE, ContentCategory.NCII);
        restore.setDecisionId("decision-reversal-1");
        restore.setActionId("decision-reversal-1:RESTORE");
        actions.pipeInput("chat-1", restore);

        AppealOutcome outcome = appealOutcomes.readValue();
        assertThat(outcome.getOutcome()).isEqualTo(AppealResult.REVERSED);
        assertThat(outcome.getDecidedBy()).isEqualTo("senior-b");
        assertThat(outcome.getReversalDecisionId()).isEqualTo("decision-reversal-1");
        assertThat(outcome.getAppellantId()).isEqualTo("user-77");
        assertThat(outcome.getRedress()).contains("out-of-court dispute settlement");
        StatementOfReasons withdrawal = statements.readValue();
        assertThat(withdrawal.getKind()).isEqualTo(StatementKind.REVERSAL);
        assertThat(outcome.getStatementPuid()).isEqualTo(withdrawal.getPuid()).isEqualTo(Puid.forAction("decision-reversal-1:RESTORE"));
    }

    @Test
    void anyOtherDecisionOnTheAppealUpholdsTheContestedOneOnce() {
        ModerationDecision removal = decidedRemoval();
        appeals.pipeInput("chat-1", appeal(removal.getDecisionId()));
        QueueItem item = appealQueue.readValue();
        ModerationDecision upheld = decision("chat-1", "m1", ModerationAction.DISMISSED_NO_ACTION, null, "moderator-c");
        upheld.setItemId(item.getItemId());
        upheld.setDecisionId("decision-upheld-1");

        decisions.pipeInput("chat-1", upheld);
        decisions.pipeInput("chat-1", upheld);

        assertThat(appealOutcomes.readValuesToList()).singleElement().satisfies(outcome -> {
            assertThat(outcome.getOutcome()).isEqualTo(AppealResult.UPHELD);
            assertThat(outcome.getReversalDecisionId()).isNull();
            assertThat(outcome.getStatementPuid()).isNull();
        });
    }

    @Test
    void theModeratorWhoseDecisionIsContestedCannotDecideTheAppeal() {
        ModerationDecision removal = decidedRemoval();
        appeals.pipeInput("chat-1", appeal(removal.getDecisionId()));
        QueueItem item = appealQueue.readValue();
        ModerationDecision own = decision("chat-1", "m1", ModerationAction.DISMISSED_NO_ACTION, null, "moderator-a");
        own.setItemId(item.getItemId());
        own.setDecisionId("decision-own-1");

        decisions.pipeInput("chat-1", own);

        assertThat(appealOutcomes.isEmpty()).isTrue();
        assertThat(deadLetters.readValue().getReason()).startsWith("appeal_decided_by_original_moderator: ");
    }
}
