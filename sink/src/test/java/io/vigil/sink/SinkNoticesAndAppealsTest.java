package io.vigil.sink;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vigil.runtime.testing.StreamsTestSupport;
import io.vigil.schemas.AppealRef;
import io.vigil.schemas.AuditAction;
import io.vigil.schemas.AuditRecord;
import io.vigil.schemas.CommandKind;
import io.vigil.schemas.CommandOutcome;
import io.vigil.schemas.ContentCategory;
import io.vigil.schemas.EnforcementAction;
import io.vigil.schemas.EnforcementType;
import io.vigil.schemas.ModerationAction;
import io.vigil.schemas.ModerationCommand;
import io.vigil.schemas.ModerationDecision;
import io.vigil.schemas.Notice;
import io.vigil.schemas.NoticeReporterType;
import io.vigil.schemas.OutcomeStatus;
import io.vigil.schemas.QueueEntry;
import io.vigil.schemas.QueueItem;
import io.vigil.schemas.RiskAssessment;
import io.vigil.schemas.RiskLevel;
import io.vigil.schemas.serde.AvroSerde;
import io.vigil.schemas.topics.Topics;
import io.vigil.sink.notices.NoticeEvidence;
import io.vigil.sink.steps.QueueRouting;
import io.vigil.sink.steps.QueueState;
import io.vigil.runtime.testing.MutableClock;
import io.vigil.sink.work.CommandDecider;
import io.vigil.sink.work.SlaClock;
import io.vigil.sink.work.WorkOrder;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.vigil.sink.testing.Assessments.assessment;
import static io.vigil.sink.testing.Assessments.victimCase;
import static org.assertj.core.api.Assertions.assertThat;

/** Notices (DSA Art. 16, 22) and appeals (Art. 20) in the moderators' work, and reveals recorded for NCMEC reports. */
class SinkNoticesAndAppealsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
    private TopologyTestDriver driver;
    private TestInputTopic<String, RiskAssessment> assessments;
    private TestInputTopic<String, Notice> notices;
    private TestInputTopic<String, QueueItem> appeals;
    private TestInputTopic<String, ModerationCommand> commands;

    @BeforeEach
    void start() {
        SinkConfig config = SinkTopologyTest.config();
        var topology = new SinkTopology(new QueueRouting(config.routing(), registry, clock),
                new NoticeEvidence(config.notices(), config.routing()), config.work().appealsQueue(),
                new QueueState(registry, config.queueNames()), new CommandDecider(config.work(), config.access().queueAccess()),
                new SlaClock(config.work()), Duration.ofHours(1), registry, clock).build();
        driver = StreamsTestSupport.driver(topology, "sink-notices-test", registry);
        assessments = driver.createInputTopic(Topics.RISK_ASSESSMENTS.name(), new StringSerializer(), AvroSerde.of(RiskAssessment.class));
        notices = driver.createInputTopic(Topics.NOTICES.name(), new StringSerializer(), AvroSerde.of(Notice.class));
        appeals = driver.createInputTopic(Topics.queue("appeals").name(), new StringSerializer(), AvroSerde.of(QueueItem.class));
        commands = driver.createInputTopic(Topics.MODERATION_COMMANDS.name(), new StringSerializer(), AvroSerde.of(ModerationCommand.class));
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private static Notice notice(String id, String chat, String message, NoticeReporterType type, ContentCategory category) {
        return Notice.newBuilder().setNoticeId(id).setReceivedAt(Instant.parse("2026-11-23T09:30:00Z")).setReporterType(type)
                .setSubmittedBy(type == NoticeReporterType.TRUSTED_FLAGGER ? "hotline" : "platform-backend").setCategory(category)
                .setPlatform("telegram").setChatId(chat).setMessageId(message).setExplanation("these are my photos, shared without consent")
                .setGoodFaith(true).build();
    }

    private QueueEntry entry(String itemId) {
        KeyValueStore<String, QueueEntry> store = driver.getKeyValueStore(QueueState.STORE);
        return store.get(itemId);
    }

    private List<QueueItem> queue(String name) {
        return driver.createOutputTopic(Topics.queue(name).name(), new StringDeserializer(), AvroSerde.of(QueueItem.class)).readValuesToList();
    }

    private List<ModerationDecision> decisions() {
        return driver.createOutputTopic(Topics.MODERATION_DECISIONS.name(), new StringDeserializer(), AvroSerde.of(ModerationDecision.class))
                .readValuesToList();
    }

    private CommandOutcome send(CommandKind kind, String actor, String role, String chat, String item, String queue,
                                ModerationAction action, Integer mediaIndex) {
        ModerationCommand command = ModerationCommand.newBuilder().setCommandId(UUID.randomUUID().toString()).setKind(kind)
                .setItemId(item).setChatId(chat).setQueue(queue).setActor(actor).setRoles(List.of(role)).setRequestedAt(clock.instant())
                .setAction(action).setReason(kind == CommandKind.RECORD_REVEAL ? "check the match" : "").setMediaIndex(mediaIndex).build();
        commands.pipeInput(chat, command);
        KeyValueStore<String, CommandOutcome> outcomes = driver.getKeyValueStore(QueueState.OUTCOMES);
        return outcomes.get(command.getCommandId());
    }

    @Test
    void aNoticeAboutAnOpenItemJoinsItAsEvidenceInTheSameQueueAndCase() {
        assessments.pipeInput("c1", assessment("c1", "m1", "sender-1", 0.7, victimCase("victim-7", 50_000), ContentCategory.NCII));
        String caseId = entry("telegram:c1:m1").getCaseId();

        notices.pipeInput("c1", notice("n-1", "c1", "m1", NoticeReporterType.USER, ContentCategory.NCII));

        List<QueueItem> published = queue("ncii");
        assertThat(published).hasSize(2);
        QueueItem withNotice = published.get(1);
        assertThat(withNotice.getItemId()).isEqualTo("telegram:c1:m1");
        assertThat(withNotice.getNotices()).extracting(n -> n.getNoticeId()).containsExactly("n-1");
        assertThat(withNotice.getReasons()).extracting(r -> r.getCode()).containsExactly("bank_match", "notice");
        assertThat(entry("telegram:c1:m1").getCaseId()).isEqualTo(caseId);
        assertThat(entry("telegram:c1:m1").getItem().getNotices()).hasSize(1);

        notices.pipeInput("c1", notice("n-1", "c1", "m1", NoticeReporterType.USER, ContentCategory.NCII));
        assertThat(entry("telegram:c1:m1").getItem().getNotices()).as("the same notice twice counts once").hasSize(1);

        assertThat(send(CommandKind.DECIDE, "alice", "moderator", "c1", "telegram:c1:m1", "ncii", ModerationAction.CONFIRMED_REMOVE, null)
                .getStatus()).isEqualTo(OutcomeStatus.ACCEPTED);
        ModerationDecision decision = decisions().get(0);
        assertThat(decision.getNoticeIds()).containsExactly("n-1");
        assertThat(decision.getAutomatedDetection()).as("Vigil detected it before the notice came").isTrue();
    }

    @Test
    void aTrustedFlaggersNoticeWithoutAnItemBecomesAHighItemInItsCategorysQueue() {
        notices.pipeInput("c2", notice("n-2", "c2", "m9", NoticeReporterType.TRUSTED_FLAGGER, ContentCategory.CSAM));

        QueueItem item = queue("csam").get(0);
        assertThat(item.getItemId()).isEqualTo("telegram:c2:m9");
        assertThat(item.getLevel()).isEqualTo(RiskLevel.HIGH);
        assertThat(item.getReasons()).singleElement().satisfies(r -> {
            assertThat(r.getCode()).isEqualTo("trusted_flagger_notice");
            assertThat(r.getDescription()).startsWith("Notice from a trusted flagger (csam): ");
        });
        assertThat(entry("telegram:c2:m9").getDueAt()).as("the csam queue's SLA clock runs").isNotNull();

        assertThat(send(CommandKind.DECIDE, "carol", "child-safety", "c2", "telegram:c2:m9", "csam", ModerationAction.CONFIRMED_REMOVE, null)
                .getStatus()).isEqualTo(OutcomeStatus.ACCEPTED);
        ModerationDecision decision = decisions().get(0);
        assertThat(decision.getNoticeIds()).containsExactly("n-2");
        assertThat(decision.getAutomatedDetection()).as("only the notice found it").isFalse();
        assertThat(decision.getCategory()).isEqualTo(ContentCategory.CSAM);
    }

    @Test
    void aUsersNoticeWithoutCategoryGoesToTheDefaultQueueAndAfterADecisionToANewItem() {
        notices.pipeInput("c3", notice("n-3", "c3", "m1", NoticeReporterType.USER, null));
        assertThat(queue("review")).extracting(QueueItem::getItemId).containsExactly("telegram:c3:m1");
        send(CommandKind.DECIDE, "alice", "moderator", "c3", "telegram:c3:m1", "review", ModerationAction.DISMISSED_NO_ACTION, null);

        notices.pipeInput("c3", notice("n-4", "c3", "m1", NoticeReporterType.USER, null));

        List<QueueItem> again = queue("review");
        assertThat(again).singleElement().satisfies(item -> {
            assertThat(item.getItemId()).startsWith("telegram:c3:m1.notice-");
            assertThat(item.getMessageId()).isEqualTo("m1");
            assertThat(item.getNotices()).extracting(n -> n.getNoticeId()).containsExactly("n-4");
        });
    }

    @Test
    void withinALevelTrustedFlaggersNoticesAreWorkedFirst() {
        notices.pipeInput("c4", notice("n-5", "c4", "m1", NoticeReporterType.USER, ContentCategory.NCII));
        notices.pipeInput("c4", notice("n-6", "c4", "m2", NoticeReporterType.TRUSTED_FLAGGER, ContentCategory.NCII));
        List<QueueItem> items = new ArrayList<>(queue("ncii"));
        QueueItem user = items.get(0);
        QueueItem flagged = QueueItem.newBuilder(items.get(1)).setLevel(user.getLevel()).build();

        items = new ArrayList<>(List.of(user, flagged));
        items.sort(WorkOrder.ITEMS);

        assertThat(items).extracting(QueueItem::getMessageId).containsExactly("m2", "m1");
    }

    private QueueItem appealItem(String originalModerator) {
        QueueItem original = QueueItem.newBuilder(queueItemOf("c5", "m1")).build();
        return QueueItem.newBuilder(original).setItemId("telegram:c5:m1.appeal-0123456789ab").setQueue("appeals")
                .setAppeal(AppealRef.newBuilder().setAppealId("appeal-1").setDecisionId("decision-original").setOriginalModeratorId(originalModerator)
                        .setOriginalAction(ModerationAction.CONFIRMED_REMOVE).setAppellantId("user-77").setExplanation("my own photo")
                        .setReceivedAt(Instant.parse("2026-11-23T09:45:00Z")).build())
                .build();
    }

    private QueueItem queueItemOf(String chat, String message) {
        assessments.pipeInput(chat, assessment(chat, message, 0.7, ContentCategory.NCII));
        return queue("ncii").get(0);
    }

    @Test
    void anAppealIsDecidedBySomebodyElseAndAReversalSupersedesTheContestedDecision() {
        appeals.pipeInput("c5", appealItem("alice"));
        String itemId = "telegram:c5:m1.appeal-0123456789ab";
        assertThat(entry(itemId).getItem().getAppeal()).isNotNull();

        assertThat(send(CommandKind.DECIDE, "alice", "moderator", "c5", itemId, "appeals", ModerationAction.REVERSED, null).getStatus())
                .as("the contested decision's own moderator").isEqualTo(OutcomeStatus.FORBIDDEN);
        assertThat(send(CommandKind.DECIDE, "bob", "moderator", "c5", itemId, "appeals", ModerationAction.CONFIRMED_REMOVE, null).getStatus())
                .as("an appeal is upheld or reversed").isEqualTo(OutcomeStatus.MISMATCH);
        assertThat(send(CommandKind.DECIDE, "bob", "moderator", "c5", itemId, "appeals", ModerationAction.REVERSED, null).getStatus())
                .isEqualTo(OutcomeStatus.ACCEPTED);

        ModerationDecision reversal = decisions().get(0);
        assertThat(reversal.getAction()).isEqualTo(ModerationAction.REVERSED);
        assertThat(reversal.getSupersedesDecisionId()).isEqualTo("decision-original");
        assertThat(reversal.getMessageId()).isEqualTo("m1");
        assertThat(reversal.getMedia()).as("the hashes the stay-down entries are withdrawn by").isNotEmpty();
        List<EnforcementAction> actions = driver.createOutputTopic(Topics.ENFORCEMENT_ACTIONS.name(), new StringDeserializer(),
                AvroSerde.of(EnforcementAction.class)).readValuesToList();
        assertThat(actions).singleElement().satisfies(a -> {
            assertThat(a.getType()).isEqualTo(EnforcementType.RESTORE);
            assertThat(a.getActionId()).isEqualTo(reversal.getDecisionId() + ":RESTORE");
        });
    }

    @Test
    void aRevealIsRecordedAuditedAndSaysWhichFilesAPersonViewedWhenTheItemIsDecided() {
        assessments.pipeInput("c6", assessment("c6", "m1", 0.95, ContentCategory.OTHER));

        assertThat(send(CommandKind.RECORD_REVEAL, "sam", "senior", "c6", "telegram:c6:m1", "urgent", null, 0).getStatus())
                .isEqualTo(OutcomeStatus.ACCEPTED);
        assertThat(send(CommandKind.RECORD_REVEAL, "sam", "senior", "c6", "telegram:c6:m1", "urgent", null, 3).getStatus())
                .as("no such media").isEqualTo(OutcomeStatus.MISMATCH);
        send(CommandKind.DECIDE, "sam", "senior", "c6", "telegram:c6:m1", "urgent", ModerationAction.CONFIRMED_REMOVE, null);

        assertThat(decisions().get(0).getMedia()).singleElement().satisfies(m -> assertThat(m.getViewedByPerson()).isTrue());
        List<AuditRecord> audit = driver.createOutputTopic(Topics.AUDIT_LOG.name(), new StringDeserializer(),
                AvroSerde.of(AuditRecord.class)).readValuesToList();
        assertThat(audit).filteredOn(a -> a.getAction() == AuditAction.REVEAL).first().satisfies(a -> {
            assertThat(a.getMediaIndex()).isEqualTo(0);
            assertThat(a.getReason()).isEqualTo("check the match");
            assertThat(a.getActor()).isEqualTo("sam");
        });
    }

    @Test
    void aFileNobodyRevealedIsDecidedAsNotViewed() {
        assessments.pipeInput("c7", assessment("c7", "m1", 0.95, ContentCategory.OTHER));

        send(CommandKind.DECIDE, "sam", "senior", "c7", "telegram:c7:m1", "urgent", ModerationAction.CONFIRMED_REMOVE, null);

        assertThat(decisions().get(0).getMedia()).singleElement().satisfies(m -> assertThat(m.getViewedByPerson()).isFalse());
    }
}
